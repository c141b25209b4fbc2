import type { FastifyInstance } from "fastify";
import type { ModuleDependencies } from "../../platform/module";
import { householdRoutes } from "./routes/households.routes";
import { organisationRoutes } from "./routes/organisations.routes";
import { personRoutes } from "./routes/persons.routes";
import { profileRoutes } from "./routes/profile.routes";
import { referenceRoutes } from "./routes/reference.routes";

/** Mounts every registry route (the caller mounts them under /api/v1). */
export function registryRoutes(app: FastifyInstance, dependencies: ModuleDependencies): void {
  referenceRoutes(app, dependencies);
  personRoutes(app, dependencies);
  householdRoutes(app, dependencies);
  organisationRoutes(app, dependencies);
  profileRoutes(app, dependencies);
}
