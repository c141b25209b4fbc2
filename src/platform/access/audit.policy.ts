import type { Actor } from "../roles";
import { holdsAnyRole } from "./scope";

/** What can be done with the audit log. */
export type AuditAction = "read" | "verify";

/** Access rule for the audit log: auditors and admins read and verify it; no role ever writes to it directly. */
export function mayOnAudit(actor: Actor | null, _action: AuditAction): boolean {
  return holdsAnyRole(actor, ["auditor", "admin"]);
}
