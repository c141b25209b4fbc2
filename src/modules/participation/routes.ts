import type { AnyRoute } from "../../platform/http/route";
import { campaignRoutes } from "./routes/campaigns.routes";
import { ledgerRoutes } from "./routes/ledger.routes";
import { volunteeringRoutes } from "./routes/volunteering.routes";

/** The participation module's route table (mounted under /api/v1). */
export const participationRoutes: readonly AnyRoute[] = [...campaignRoutes, ...volunteeringRoutes, ...ledgerRoutes];
