import type { ModuleManifest, Permission } from "../module";
import type { Actor } from "../roles";
import { mayOnAccounts } from "./accounts.policy";
import { mayOnAudit } from "./audit.policy";

/** The platform's own abilities (accounts and audit); modules add theirs through their manifests. */
export const platformPermissions: Record<string, Permission> = {
  "accounts.read": (actor) => mayOnAccounts(actor, "list"),
  "accounts.manage": (actor) => mayOnAccounts(actor, "create"),
  "accounts.personLookup": (actor) => mayOnAccounts(actor, "lookupPerson"),
  "audit.read": (actor) => mayOnAudit(actor, "read"),
  "audit.verify": (actor) => mayOnAudit(actor, "verify"),
};

/** The abilities map sent to the web app, so the UI shows what the access rules allow and never re-implements them. */
export function abilities(actor: Actor | null, modules: readonly ModuleManifest[]): Record<string, boolean> {
  const map: Record<string, boolean> = {};
  for (const [name, rule] of Object.entries(platformPermissions)) map[name] = rule(actor);
  for (const module of modules) {
    for (const [name, rule] of Object.entries(module.permissions)) map[name] = rule(actor);
  }
  return map;
}
