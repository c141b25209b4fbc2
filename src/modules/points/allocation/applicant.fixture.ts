/**
 * Test helpers: compact builders for applicants and inputs, so golden cases read like the tables they were
 * computed from by hand. Used only by the tests beside it.
 */
import type { AllocationInput, AllocationResult, Applicant, ApplicationResult } from "./allocation.types";
import { mulberry32 } from "../../../core/random";

/** An eligible applicant with neutral sub-scores; override what the case is about. */
export function applicant(applicationId: string, fields: Partial<Applicant> = {}): Applicant {
  return {
    applicationId,
    personId: `person-${applicationId}`,
    purpose: "hukou",
    townCode: "a",
    total: 5000,
    personalQuality: 1000,
    insurance: 1000,
    residence: 1000,
    appliedAt: "2015-03-01T09:00:00+08:00",
    eligible: true,
    ...fields,
  };
}

/** An input with empty quotas over the given towns; override what the case is about. */
export function input(fields: Partial<AllocationInput> = {}): AllocationInput {
  return {
    towns: ["a", "b", "c"],
    applicants: [],
    quotas: { school: [], hukou: [], housingUnits: 0 },
    schools: [],
    ...fields,
  };
}

/** The result of one application, failing loudly when it is missing. */
export function resultOf(result: AllocationResult, applicationId: string): ApplicationResult {
  const found = result.applications.find((a) => a.applicationId === applicationId);
  if (found === undefined) throw new Error(`no result for ${applicationId}`);
  return found;
}

/** Outcomes by applicationId, for compact expectations. */
export function outcomes(result: AllocationResult): Record<string, string> {
  return Object.fromEntries(result.applications.map((a) => [a.applicationId, a.outcome]));
}

/** A deterministic Fisher–Yates shuffle (mulberry32), so "shuffled input" tests are reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
