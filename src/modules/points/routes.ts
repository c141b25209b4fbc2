import type { AnyRoute } from "../../platform/http/route";
import { applicationRoutes } from "./routes/applications.routes";
import { enrolmentRoutes } from "./routes/enrolments.routes";
import { programmeRoutes } from "./routes/programme.routes";
import { publicPointsRoutes } from "./routes/public.routes";
import { verificationRoutes } from "./routes/verification.routes";

/** The points module's route table (mounted under /api/v1). */
export const pointsRoutes: readonly AnyRoute[] = [
  ...publicPointsRoutes,
  ...enrolmentRoutes,
  ...applicationRoutes,
  ...verificationRoutes,
  ...programmeRoutes,
];
