import type { AnyRoute } from "../../platform/http/route";
import { campaignRoutes } from "./routes/campaigns.routes";

/** The participation module's route table (mounted under /api/v1). */
export const participationRoutes: readonly AnyRoute[] = [...campaignRoutes];
