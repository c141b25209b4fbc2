/**
 * The parameters the payroll and the eligibility checks read: the shipped policy `zhongshan-assistance`
 * (dated YAML) with every standard approved in the database applied as a dated override of `dibao.standard`
 * and `classified_supplement.amount`. An approved standard is data in the database, not a code change, so a
 * standard decided after its effective date reaches the payroll the moment it is approved.
 */
import { fenToYuanNumber } from "../../rules/assistance/assistance.compute";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { Executor } from "../../db/transaction";
import { loadAssistancePolicy } from "../../rules/assistance/policy.loader";
import { overrideParameters, type ParameterTree } from "../../rules/parameters";
import { assistanceDb } from "./tables";

let cachedPolicy: ParameterTree | undefined;

/** The shipped policy's parameters, loaded once per process; a broken policy is a bug of the release. */
export function policyParameters(): ParameterTree {
  if (!cachedPolicy) {
    const policy = loadAssistancePolicy();
    if (!policy.ok) throw new Error(`assistance policy does not load: ${policy.error.message}`);
    cachedPolicy = policy.value.parameters;
  }
  return cachedPolicy;
}

/** An approved standard as an override: its date, the standard and the supplement in fen. */
export interface ApprovedStandard {
  effectiveFrom: string;
  standardFen: number;
  supplementFen: number;
  id: string;
}

/** Applies approved standards to a parameter tree (later effective dates last). */
export function applyApprovedStandards(
  base: ParameterTree,
  standards: readonly ApprovedStandard[],
): Result<ParameterTree, Problem> {
  if (standards.length === 0) return ok(base);
  const overrides = [...standards]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .flatMap((standard) => [
      {
        path: "dibao.standard",
        from: standard.effectiveFrom,
        value: fenToYuanNumber(standard.standardFen),
        reference: `approved standard ${standard.id} (assistance_standards)`,
      },
      {
        path: "classified_supplement.amount",
        from: standard.effectiveFrom,
        value: fenToYuanNumber(standard.supplementFen),
        reference: `approved standard ${standard.id} (assistance_standards)`,
      },
    ]);
  const applied = overrideParameters(base, overrides);
  if (!applied.ok) return err({ ...applied.error, code: "invalid_standard" });
  return applied;
}

/** Reads the approved standards from the database. */
export async function approvedStandards(executor: Executor): Promise<ApprovedStandard[]> {
  const rows = await assistanceDb(executor)
    .selectFrom("assistance_standards")
    .select(["id", "effective_from", "standard_fen", "supplement_fen"])
    .where("status", "=", "approved")
    .orderBy("effective_from")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    effectiveFrom: row.effective_from,
    standardFen: Number(row.standard_fen),
    supplementFen: Number(row.supplement_fen),
  }));
}

/** The parameters in force now: the policy plus the approved standards. */
export async function parametersInForce(
  executor: Executor,
  base: ParameterTree = policyParameters(),
): Promise<ParameterTree> {
  const applied = applyApprovedStandards(base, await approvedStandards(executor));
  if (!applied.ok) throw new Error(`approved standards do not apply: ${applied.error.message}`);
  return applied.value;
}
