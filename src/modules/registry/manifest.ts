import type { ModuleManifest } from "../../platform/module";
import { hasRole } from "../../platform/roles";
import { mayOnRegistry } from "./policies";
import { registryRoutes } from "./routes";

/** The registry module: towns, communities, departments, persons, households, organisations. */
export const registryModule: ModuleManifest = {
  name: "registry",
  routes: registryRoutes,
  permissions: {
    "registry.search": (actor) => mayOnRegistry(actor, "person", "search"),
    "registry.write": (actor) => mayOnRegistry(actor, "person", "create"),
    "organisations.read": (actor) => mayOnRegistry(actor, "organisation", "search"),
    "organisations.write": (actor) => mayOnRegistry(actor, "organisation", "create"),
    "profile.read": (actor) => hasRole(actor, "resident"),
  },
};
