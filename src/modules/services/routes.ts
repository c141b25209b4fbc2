import type { AnyRoute } from "../../platform/http/route";
import { contractRoutes } from "./routes/contracts.routes";
import { needRoutes } from "./routes/needs.routes";
import { stationRoutes } from "./stations";
import { vendorRoutes } from "./routes/vendors.routes";

/** The services module's route table (mounted under /api/v1). */
export const servicesRoutes: readonly AnyRoute[] = [
  ...vendorRoutes,
  ...needRoutes,
  ...contractRoutes,
  ...stationRoutes,
];
