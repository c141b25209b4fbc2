import type { AnyRoute } from "../../platform/http/route";
import { caseRoutes } from "./routes/cases.routes";
import { payrollRoutes } from "./routes/payroll.routes";
import { referralRoutes } from "./routes/referrals.routes";

/** The assistance module's route table (mounted under /api/v1). */
export const assistanceRoutes: readonly AnyRoute[] = [...caseRoutes, ...payrollRoutes, ...referralRoutes];
