/**
 * Reading a result as the lists that are published (Impl. Arts. 9(3), 10(6), 11(3)): one ranking list per
 * scope in rank order, and the city-wide hukou second-round list in city order.
 */
import type { AllocationResult, ApplicationResult, Grade, Purpose } from "./allocation.types";

export interface ListScope {
  purpose: Purpose;
  /** Required for school and hukou; ignored for housing (ranked city-wide). */
  townCode?: string;
  /** Required for school. */
  grade?: Grade;
}

/** The ranked applications of one scope, best first; why: the public list and the console table read it. */
export function rankingList(result: AllocationResult, scope: ListScope): ApplicationResult[] {
  return result.applications
    .filter(
      (a) =>
        a.rank !== null &&
        a.purpose === scope.purpose &&
        (scope.purpose === "housing" || a.townCode === scope.townCode) &&
        (scope.purpose !== "school" || a.grade === scope.grade),
    )
    .sort((x, y) => x.rank! - y.rank!);
}

/** The hukou second-round candidates in city-wide order (cityRank 1..m), for the 二次排位 list. */
export function secondRoundList(result: AllocationResult): ApplicationResult[] {
  return result.applications.filter((a) => a.cityRank !== undefined).sort((x, y) => x.cityRank! - y.cityRank!);
}
