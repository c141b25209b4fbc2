import type { FastifyInstance } from "fastify";
import type { ModuleDependencies } from "../../platform/module";
import { applicationRoutes } from "./routes/applications.routes";
import { enrolmentRoutes } from "./routes/enrolments.routes";
import { programmeRoutes } from "./routes/programme.routes";
import { publicPointsRoutes } from "./routes/public.routes";
import { verificationRoutes } from "./routes/verification.routes";

/** Mounts every points route (the caller mounts them under /api/v1). */
export function pointsRoutes(app: FastifyInstance, dependencies: ModuleDependencies): void {
  publicPointsRoutes(app, dependencies);
  enrolmentRoutes(app, dependencies);
  applicationRoutes(app, dependencies);
  verificationRoutes(app, dependencies);
  programmeRoutes(app, dependencies);
}
