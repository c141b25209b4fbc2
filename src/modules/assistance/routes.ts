import type { FastifyInstance } from "fastify";
import type { ModuleDependencies } from "../../platform/module";
import { caseRoutes } from "./routes/cases.routes";
import { payrollRoutes } from "./routes/payroll.routes";

/** Mounts every assistance route (the caller mounts them under /api/v1). */
export function assistanceRoutes(app: FastifyInstance, dependencies: ModuleDependencies): void {
  caseRoutes(app, dependencies);
  payrollRoutes(app, dependencies);
}
