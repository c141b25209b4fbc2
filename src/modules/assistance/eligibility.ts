/**
 * Eligibility and amounts of a case for a month, through the rules engine (explainAssistance), plus the two
 * property conditions the engine does not model (a second home, a vehicle not needed for disability or work),
 * which make a household ineligible with their own rule. Reasons name the rule and its reference.
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import { explainAssistance } from "../../rules/assistance/assistance.compute";
import type { AssistanceRequest, CpiFigures } from "../../rules/assistance/request.validation";
import type { ParameterTree } from "../../rules/parameters";
import type { EligibilitySnapshot, RevisionMember } from "./tables";

/** What the engine needs of a case for one month. */
export interface CaseInputs {
  caseId: string;
  members: readonly RevisionMember[];
  assetsFen: number;
  secondHome?: boolean;
  vehicle?: boolean;
}

/** Builds the rules engine's request for a case and month. */
export function requestFor(
  inputs: CaseInputs,
  month: string,
  cpi?: CpiFigures,
  cpiHistory: Map<string, CpiFigures> = new Map(),
): AssistanceRequest {
  return {
    id: inputs.caseId,
    month,
    members: inputs.members.map((member) => ({
      id: member.personId,
      incomeFen: member.incomeFen,
      categories: member.categories,
    })),
    assetsFen: inputs.assetsFen,
    cpi,
    cpiHistory,
  };
}

/** Computes eligibility with reasons; refuses bad input (unknown category, month before any standard) naming the field. */
export function assessEligibility(
  inputs: CaseInputs,
  month: string,
  parameters: ParameterTree,
): Result<EligibilitySnapshot, Problem> {
  const explained = explainAssistance(requestFor(inputs, month), parameters);
  if (!explained.ok) {
    const field = explained.error.field?.replace(/^household\./, "").replace(/\[(\d+)\]/g, ".$1");
    return err({ ...explained.error, field });
  }
  const steps = explained.value.steps;
  const reasons: EligibilitySnapshot["reasons"] = [];
  const step = (key: string) => steps.find((candidate) => candidate.key === key);
  if (step("income_test")?.value === false) {
    reasons.push({
      rule: "income_test",
      message: `家庭月收入 ${step("household_income")?.value} 元不低于低保标准 × 人数 ${step("income_threshold")?.value} 元 (income not below standard × members)`,
      reference: step("standard")?.reference,
    });
  }
  if (step("asset_test")?.value === false) {
    reasons.push({
      rule: "asset_test",
      message: `家庭存款及有价证券 ${step("assets")?.value} 元超过上限 ${step("asset_limit")?.value} 元 (assets over the limit)`,
      reference: step("asset_limit")?.reference,
    });
  }
  const propertyReference =
    "State Council Decree 649 Art. 9 (household property conditions); configurable default of the Zhongshan module";
  if (inputs.secondHome)
    reasons.push({
      rule: "asset_test.second_home",
      message: "家庭拥有第二套住房 (a second home)",
      reference: propertyReference,
    });
  if (inputs.vehicle)
    reasons.push({
      rule: "asset_test.vehicle",
      message: "家庭拥有非残疾或谋生所需的机动车 (a vehicle not needed for disability or work)",
      reference: propertyReference,
    });
  const eligible = explained.value.eligible && reasons.length === 0;
  return ok({
    month,
    eligible,
    totalFen: eligible ? explained.value.totalFen : 0,
    dibaoFen: eligible ? explained.value.dibaoFen : 0,
    supplementFen: eligible ? explained.value.supplementFen : 0,
    reasons,
    steps,
  });
}
