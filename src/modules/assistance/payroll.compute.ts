/**
 * The payroll's computation, without I/O: the basis of a month (standard, supplement and price indices in
 * force), and each case's line through the rules engine (computeAssistance: the standard in force that
 * month, one classified supplement per qualifying member, the price subsidy when triggered).
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import { computeAssistance } from "../../rules/assistance/assistance.compute";
import type { CpiFigures } from "../../rules/assistance/request.validation";
import { moneyAt, type ParameterTree } from "../../rules/parameters";
import { requestFor } from "./eligibility";
import type { PayrollBasis, RevisionMember } from "./tables";

/** Months of price history a basis and a computation look at (the 2011 rule needs 3 to start and 3 to stop). */
export const cpiHistoryMonths = 6;

/** The month `n` months before a YYYY-MM month. */
export function monthsBefore(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The price figures of a month and its history, as the rules engine reads them. */
export function cpiFor(
  month: string,
  all: ReadonlyMap<string, CpiFigures>,
): { cpi?: CpiFigures; history: Map<string, CpiFigures> } {
  const history = new Map<string, CpiFigures>();
  for (let back = 1; back <= cpiHistoryMonths; back += 1) {
    const earlier = monthsBefore(month, back);
    const figures = all.get(earlier);
    if (figures) history.set(earlier, figures);
  }
  return { cpi: all.get(month), history };
}

/** What a month is computed from; two equal bases give equal amounts for the same case inputs. */
export function basisOf(
  month: string,
  parameters: ParameterTree,
  all: ReadonlyMap<string, CpiFigures>,
): Result<PayrollBasis, Problem> {
  const date = `${month}-01`;
  const standard = moneyAt(parameters, "dibao.standard", date);
  if (!standard.ok)
    return err({
      code: "no_standard",
      message: `${month} 没有适用的低保标准 (no dibao standard in force in ${month})`,
      field: "month",
    });
  const supplement = moneyAt(parameters, "classified_supplement.amount", date);
  const cpi = [month, ...Array.from({ length: cpiHistoryMonths }, (_, back) => monthsBefore(month, back + 1))]
    .map((each) => {
      const figures = all.get(each);
      return figures ? `${each}:${figures.cpiHundredths ?? ""}/${figures.foodHundredths ?? ""}` : "";
    })
    .filter((text) => text !== "")
    .join(",");
  return ok({ standardFen: standard.value.value, supplementFen: supplement.ok ? supplement.value.value : 0, cpi });
}

/** One case as the payroll reads it. */
export interface PayableCase {
  caseId: string;
  townCode: string;
  payeeName: string;
  bankAccount: string;
  revision: number;
  members: RevisionMember[];
  assetsFen: number;
}

/** Amounts of one case for one month, in fen. */
export interface CaseAmounts {
  dibaoFen: number;
  supplementFen: number;
  priceSubsidyFen: number;
  totalFen: number;
}

/** Computes one case for one month; an engine refusal names the case. */
export function computeCase(
  payable: PayableCase,
  month: string,
  parameters: ParameterTree,
  cpi: ReturnType<typeof cpiFor>,
): Result<CaseAmounts, Problem> {
  const amounts = computeAssistance(
    requestFor(
      { caseId: payable.caseId, members: payable.members, assetsFen: payable.assetsFen },
      month,
      cpi.cpi,
      cpi.history,
    ),
    parameters,
  );
  if (!amounts.ok)
    return err({ ...amounts.error, message: `case ${payable.caseId}, ${month}: ${amounts.error.message}` });
  const { dibaoFen, supplementFen, priceSubsidyFen, totalFen } = amounts.value;
  return ok({ dibaoFen, supplementFen, priceSubsidyFen, totalFen });
}

/**
 * A per-run memo of computeCase: the amounts depend only on the month, the parameters and the members' incomes,
 * categories and the assets (member ids only label explanation steps), so households with the same inputs
 * are computed once. Valid for one month and one parameter tree.
 */
export function memoisedCompute(
  month: string,
  parameters: ParameterTree,
  cpi: ReturnType<typeof cpiFor>,
): (payable: PayableCase) => Result<CaseAmounts, Problem> {
  const memo = new Map<string, CaseAmounts>();
  return (payable) => {
    let key = `${payable.assetsFen}`;
    for (const member of payable.members) key += `|${member.incomeFen}:${member.categories.join(",")}`;
    const known = memo.get(key);
    if (known) return ok(known);
    const computed = computeCase(payable, month, parameters, cpi);
    if (computed.ok) memo.set(key, computed.value);
    return computed;
  };
}
