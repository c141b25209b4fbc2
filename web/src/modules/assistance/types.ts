// API shapes of the assistance module (docs/assistance-module.md). Hand-declared: the assistance routes declare no
// response schema yet; each type names the route it mirrors.

/** A case as the staff list shows it (GET /assistance/cases). */
export interface CaseSummary {
  id: string;
  number: string;
  townCode: string;
  state: string;
  payeeName: string;
  members: number;
  totalYuan: string;
  submittedOn: string;
  townOpinionDueOn: string;
  decisionDueOn: string | null;
  decision: string | null;
  decisionLate: boolean;
  nextReviewOn: string | null;
}

/** A member of a case with the income and categories declared for them. */
export interface CaseMember {
  personId: string;
  name: string | null;
  idNumber: string | null;
  relationship: string;
  monthlyIncomeYuan: string;
  categories: string[];
}

/** One step of a case's timeline. */
export interface TimelineEvent {
  id: string;
  kind: string;
  onDate: string;
  details: Record<string, unknown>;
  actorUsername: string | null;
  createdAt: string;
}

/** A case as GET /assistance/cases/{id} sends it (the common part; case.types.ts adds the rest). */
export interface AssistanceCase {
  id: string;
  number: string;
  townCode: string;
  state: string;
  payeeName: string;
  bankAccount: string;
  workCapacity: string;
  assetsYuan: string;
  householdIncomeYuan: string;
  members: CaseMember[];
  eligibility: {
    month: string;
    eligible: boolean;
    totalYuan: string;
    dibaoYuan: string;
    supplementYuan: string;
    reasons: { rule: string; message: string; reference?: string }[];
  };
  deadlines: Record<string, string | null>;
  decision: string | null;
  decisionLate: boolean;
  decisionReason: string | null;
  startMonth: string | null;
  version: number;
  timeline: TimelineEvent[];
}

/** A 镇区's totals in a payroll (GET /assistance/payrolls/{month}). */
export interface PayrollTown {
  townCode: string;
  households: number;
  persons: number;
  dibaoYuan: string;
  supplementYuan: string;
  priceSubsidyYuan: string;
  adjustmentYuan: string;
  totalYuan: string;
}

/** A monthly payroll (GET /assistance/payrolls/{month}). */
export interface Payroll {
  month: string;
  status: string;
  households: number;
  persons: number;
  lines: number;
  categories: { dibaoYuan: string; supplementYuan: string; priceSubsidyYuan: string; adjustmentYuan: string };
  totalYuan: string;
  towns: PayrollTown[];
  version: number;
  approvedBy: string | null;
  exportedAt: string | null;
}

/** A month's CPI record (GET /assistance/cpi). */
export interface CpiMonth {
  month: string;
  cpiPercent: string | null;
  foodPercent: string | null;
  releasedOn: string;
  synthetic: boolean;
  recordedBy: string | null;
  recordedAt: string;
  triggered: boolean;
  subsidyDueOn: string | null;
  coveredPersons: number;
  subsidyYuan: string;
}
