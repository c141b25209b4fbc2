/**
 * Simulation of a points policy version against a baseline over a population of requests: who gains, who
 * loses, the largest changes, and how many are above each purpose's threshold per 镇区 under both.
 */
import { formatPoints } from "../core/points";
import { evaluate } from "./scorecard.columns";
import type { Plan } from "./scorecard.plan";
import { checkRequest, type ScoringCase, type ScoringRequest } from "./scorecard.request";

export interface Change {
  id: unknown;
  purpose: string;
  town: string;
  baseline: number;
  draft: number;
  change: number;
}

export interface SimulationReport {
  policy: string;
  baseline: string;
  scored: number;
  invalid: { policy: number; baseline: number; examples: string[] };
  /** Facts of the population a version does not declare: ignored for that version (e.g. years vs months). */
  ignoredFacts: { policy: string[]; baseline: string[] };
  gained: number;
  lost: number;
  unchanged: number;
  largestGains: Change[];
  largestLosses: Change[];
  /** purpose → town → eligible counts under each version. */
  eligible: Record<string, Record<string, { baseline: number; draft: number }>>;
  /** town → how many were scored, gained, lost, stayed, and the sum of the changes (hundredths). */
  byTown: Record<string, TownMovement>;
  /** Every scored request's change, in input order; only when asked for (`keepChanges`), e.g. by the web screen. */
  changes?: Change[];
}

/** The movement of one 镇区's requests between the baseline and the draft. */
export interface TownMovement {
  scored: number;
  gained: number;
  lost: number;
  unchanged: number;
  totalChange: number;
}

/** The request with only the facts the version declares; the dropped names are added to `ignored`. */
function forVersion(plan: Plan, request: ScoringRequest, ignored: Set<string>): ScoringRequest {
  if (typeof request !== "object" || request === null || typeof request.facts !== "object" || request.facts === null)
    return request;
  const declared = new Set(plan.version.facts.map((fact) => fact.name));
  const facts = Object.fromEntries(
    Object.entries(request.facts as Record<string, unknown>).filter(([name]) => {
      if (!declared.has(name)) ignored.add(name);
      return declared.has(name);
    }),
  );
  return { ...request, facts };
}

function scores(plan: Plan, cases: ScoringCase[]): number[] {
  return [...evaluate(plan, cases)].map((score) => score.total);
}

/** Scores every request under both versions (optionally on one date) and compares the outcomes. */
export function simulatePoints(
  draft: Plan,
  baseline: Plan,
  requests: readonly unknown[],
  date?: string,
  top = 5,
  keepChanges = false,
): SimulationReport {
  const invalid = { policy: 0, baseline: 0, examples: [] as string[] };
  const draftCases: ScoringCase[] = [];
  const baselineCases: ScoringCase[] = [];
  const ignored = { policy: new Set<string>(), baseline: new Set<string>() };
  for (const raw of requests) {
    const request = (
      date && typeof raw === "object" && raw !== null ? { ...raw, application_date: date } : raw
    ) as ScoringRequest;
    const underDraft = checkRequest(draft, forVersion(draft, request, ignored.policy));
    const underBaseline = checkRequest(baseline, forVersion(baseline, request, ignored.baseline));
    if (!underDraft.ok) invalid.policy += 1;
    if (!underBaseline.ok) invalid.baseline += 1;
    const problem = !underDraft.ok
      ? `${draft.version.id}: ${underDraft.error.message}`
      : !underBaseline.ok
        ? `${baseline.version.id}: ${underBaseline.error.message}`
        : "";
    if (problem && invalid.examples.length < 5) invalid.examples.push(`${String(request?.id)} — ${problem}`);
    if (underDraft.ok && underBaseline.ok) {
      draftCases.push(underDraft.value);
      baselineCases.push(underBaseline.value);
    }
  }
  const after = scores(draft, draftCases);
  const before = scores(baseline, baselineCases);
  const changes: Change[] = draftCases.map((scoringCase, index) => ({
    id: scoringCase.id,
    purpose: scoringCase.purpose,
    town: scoringCase.town,
    baseline: before[index],
    draft: after[index],
    change: after[index] - before[index],
  }));
  const eligible: SimulationReport["eligible"] = {};
  const thresholdOf = (plan: Plan, purpose: string): number =>
    plan.purposes.find((candidate) => candidate.name === purpose)?.threshold ?? Infinity;
  for (const change of changes) {
    const byTown = (eligible[change.purpose] ??= {});
    const counts = (byTown[change.town] ??= { baseline: 0, draft: 0 });
    if (change.baseline >= thresholdOf(baseline, change.purpose)) counts.baseline += 1;
    if (change.draft >= thresholdOf(draft, change.purpose)) counts.draft += 1;
  }
  const byTown: SimulationReport["byTown"] = {};
  for (const change of changes) {
    const movement = (byTown[change.town] ??= { scored: 0, gained: 0, lost: 0, unchanged: 0, totalChange: 0 });
    movement.scored += 1;
    if (change.change > 0) movement.gained += 1;
    else if (change.change < 0) movement.lost += 1;
    else movement.unchanged += 1;
    movement.totalChange += change.change;
  }
  const sorted = [...changes].sort((a, b) => b.change - a.change);
  return {
    policy: draft.version.id,
    baseline: baseline.version.id,
    scored: changes.length,
    invalid,
    ignoredFacts: { policy: [...ignored.policy].sort(), baseline: [...ignored.baseline].sort() },
    gained: changes.filter((change) => change.change > 0).length,
    lost: changes.filter((change) => change.change < 0).length,
    unchanged: changes.filter((change) => change.change === 0).length,
    largestGains: sorted.filter((change) => change.change > 0).slice(0, top),
    largestLosses: sorted
      .filter((change) => change.change < 0)
      .reverse()
      .slice(0, top),
    eligible,
    byTown,
    ...(keepChanges ? { changes } : {}),
  };
}

/** The report as JSON with points as numbers (333.45). */
export function reportJson(report: SimulationReport): unknown {
  const points = (change: Change): unknown => ({
    ...change,
    baseline: Number(formatPoints(change.baseline)),
    draft: Number(formatPoints(change.draft)),
    change: Number(formatPoints(change.change)),
  });
  return {
    ...report,
    largestGains: report.largestGains.map(points),
    largestLosses: report.largestLosses.map(points),
    byTown: Object.fromEntries(
      Object.entries(report.byTown).map(([town, movement]) => [
        town,
        { ...movement, totalChange: Number(formatPoints(movement.totalChange)) },
      ]),
    ),
    ...(report.changes ? { changes: report.changes.map(points) } : {}),
  };
}

/** The report as readable text. */
export function reportText(report: SimulationReport): string {
  const lines = [
    `Simulation of ${report.policy} against ${report.baseline}`,
    `${report.scored} requests scored under both; refused: ${report.invalid.policy} by ${report.policy}, ${report.invalid.baseline} by ${report.baseline}`,
    ...report.invalid.examples.map((example) => `  e.g. ${example}`),
    ...(report.ignoredFacts.policy.length > 0
      ? [`facts ${report.policy} does not use (ignored): ${report.ignoredFacts.policy.join(", ")}`]
      : []),
    ...(report.ignoredFacts.baseline.length > 0
      ? [`facts ${report.baseline} does not use (ignored): ${report.ignoredFacts.baseline.join(", ")}`]
      : []),
    `gain: ${report.gained}   lose: ${report.lost}   unchanged: ${report.unchanged}`,
  ];
  const describe = (change: Change): string =>
    `  ${String(change.id)} (${change.purpose}, ${change.town}): ${formatPoints(change.baseline)} → ${formatPoints(change.draft)} (${change.change > 0 ? "+" : ""}${formatPoints(change.change)})`;
  if (report.largestGains.length > 0) lines.push("largest gains:", ...report.largestGains.map(describe));
  if (report.largestLosses.length > 0) lines.push("largest losses:", ...report.largestLosses.map(describe));
  lines.push("movement per 镇区 (scored: gain / lose / unchanged, total change):");
  for (const [town, movement] of Object.entries(report.byTown).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `  ${town.padEnd(12)} ${String(movement.scored).padStart(6)}: ${movement.gained} / ${movement.lost} / ${movement.unchanged}, ${movement.totalChange > 0 ? "+" : ""}${formatPoints(movement.totalChange)}`,
    );
  }
  for (const [purpose, byTown] of Object.entries(report.eligible)) {
    lines.push(`above the ${purpose} threshold, per 镇区 (baseline → draft):`);
    for (const [town, counts] of Object.entries(byTown).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${town.padEnd(12)} ${String(counts.baseline).padStart(6)} → ${String(counts.draft).padStart(6)}`);
    }
  }
  return lines.join("\n");
}
