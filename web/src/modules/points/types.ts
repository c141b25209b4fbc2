// The API shapes of the points module (docs/points-module.md). Hand-declared: the points routes declare no response
// schema yet; each type names the route it mirrors. Publicity lists are platform shapes (api/types.ts).

/** One explained step of a score. */
export interface ScoreStep {
  indicator: string;
  zh: string;
  en: string;
  reference: string;
  points: number;
  rule: string;
}

/** A scored purpose (POST /public/points/self-check, GET /points/enrolments/{id}). */
export interface PurposeScore {
  purpose: "school" | "housing" | "hukou";
  total: number;
  threshold: number;
  eligible: boolean;
  subscores: Record<string, number>;
  steps: ScoreStep[];
}

/** A fact of the case file (GET /points/enrolments/{id}). */
export interface Fact {
  id: string;
  enrolmentId: string;
  fact: string;
  value: unknown;
  status: string;
  departmentCode: string | null;
  fileIds: string[];
  declaredOn: string;
  forwardDue: string;
  checkDue: string | null;
  reason: string | null;
  townCode: string;
}

/** A queue item: a fact with its current deadline (GET /points/verification/queue). */
export interface QueueFact extends Fact {
  stage: "forward" | "check";
  due: string | null;
  overdue: boolean;
}

/** A published result of an application. */
export interface ApplicationResult {
  rank: number | null;
  outcome: string;
  round?: number;
  schoolId?: string;
  runStatus: string;
}

/** An application with its history (GET /points/enrolments/{id}, GET /points/applications/{id}). */
export interface Application {
  id: string;
  cycleId: string;
  purpose: string;
  grade: string | null;
  childName: string | null;
  status: string;
  placementRefusedOn: string | null;
  total: number;
  eligible: boolean;
  history: { at: string; total: number; reason: string }[];
  result: ApplicationResult | null;
}

/** The resident's case file (GET /points/enrolments/{id}, GET /points/me). */
export interface CaseFile {
  enrolment: { id: string; name: string; townCode: string; status: string; enrolledOn: string; barredReason: string | null };
  facts: Fact[];
  applications: Application[];
  messages: { at: string; text: string }[];
}

/** A yearly cycle (GET /points/cycles). */
export interface Cycle {
  id: string;
  year: number;
  title: string;
  policyId: string;
  opensOn: string;
  closesOn: string;
  quotasDueOn: string;
  housingUnits: number;
}

/** A ranking run (GET /points/cycles/{id}/runs). */
export interface Run {
  id: string;
  sequence: number;
  status: string;
  policyId: string;
  inputHash: string;
  resultHash: string;
  createdAt: string;
}

/** Outcome labels. */
export const outcomeLabels: Record<string, string> = {
  admitted: "录取", waiting: "候补", not_admitted: "未获指标", ineligible: "未达条件", forfeited: "放弃", refused_property_used: "房产已被使用",
};

/** Fact status labels. */
export const factStatusLabels: Record<string, string> = {
  declared: "已申报待核实", confirmed: "已核实", with_department: "部门核查中", corrected: "部门已更正", rejected: "不予认定",
};
