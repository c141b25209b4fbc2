// API shapes of the assistance module (docs/assistance-module.md), read from the routes' response schemas through
// the generated OpenAPI types (web/generated/openapi.ts, `npm run gen:api-types`): never declared twice.
import type { ApiResponse, ItemOf } from "../../api/schema";

/** A case as the staff list shows it (GET /assistance/cases). */
export type CaseSummary = ItemOf<ApiResponse<"/assistance/cases">>;

/** A case as GET /assistance/cases/{id} sends it. */
export type AssistanceCase = ApiResponse<"/assistance/cases/{id}">;

/** A member of a case with the income and categories declared for them. */
export type CaseMember = AssistanceCase["members"][number];

/** One step of a case's timeline. */
export type TimelineEvent = AssistanceCase["timeline"][number];

/** A monthly payroll (GET /assistance/payrolls/{month}). */
export type Payroll = ApiResponse<"/assistance/payrolls/{month}">;

/** A 镇区's totals in a payroll. */
export type PayrollTown = Payroll["towns"][number];

/** A month's CPI record (GET /assistance/cpi). */
export type CpiMonth = ItemOf<ApiResponse<"/assistance/cpi">>;
