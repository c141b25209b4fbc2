/**
 * The dates of the assistance demo, planned once from "today", the working-day calendar and the same procedure
 * rules the commands check (`workflow.ts`): every step on a working day, no step in the future, the town opinion
 * within its deadline, the decision after the publicity's real end and within the decision deadline, and the
 * cases that are paid decided before the month the demo payroll pays. The seed then runs the commands with these
 * dates as a clerk would; it never bends a rule to make a date fit.
 */
import { addWorkingDays, isWorkingDay } from "../../core/calendar";
import { addDays, addMonths } from "../../core/dates";
import { decisionDue, publicityEnd, townOpinionDue } from "./workflow";

/** The last state a demo case reaches. */
export type SeedTarget =
  "submitted" | "investigated" | "appraised" | "town_reviewed" | "publicised" | "active" | "refused";

/** The dates of one demo case's steps (only those its target reaches are used). */
export interface CasePlan {
  submittedOn: string;
  visitedOn: string;
  checkedOn: string;
  appraisedOn: string;
  opinionOn: string;
  publicityStartOn: string;
  publicityEndOn: string;
  decidedOn: string;
}

/** The date of the step that a target ends with: nothing after it is done, so it must not lie after its limit. */
const lastStep: Record<SeedTarget, keyof CasePlan> = {
  submitted: "submittedOn",
  investigated: "checkedOn",
  appraised: "appraisedOn",
  town_reviewed: "opinionOn",
  publicised: "publicityStartOn",
  active: "decidedOn",
  refused: "decidedOn",
};

/** Working days from the submission to the target's last step in `planFrom` (the publicity's 7 days count its start). */
const nominalWorkingDays: Record<SeedTarget, number> = {
  submitted: 0,
  investigated: 3,
  appraised: 5,
  town_reviewed: 7,
  publicised: 8,
  active: 15,
  refused: 15,
};

/** The steps of a case submitted on a working day, each a few working days after the one before. */
export function planFrom(submittedOn: string): CasePlan {
  const visitedOn = addWorkingDays(submittedOn, 2);
  const checkedOn = addWorkingDays(submittedOn, 3);
  const appraisedOn = addWorkingDays(submittedOn, 5);
  const opinionOn = addWorkingDays(submittedOn, 7);
  const publicityStartOn = addWorkingDays(opinionOn, 1);
  const publicityEndOn = publicityEnd(publicityStartOn);
  const decidedOn = addWorkingDays(publicityEndOn, 1);
  return { submittedOn, visitedOn, checkedOn, appraisedOn, opinionOn, publicityStartOn, publicityEndOn, decidedOn };
}

/** The first day of the month `offset` months from today's month, e.g. monthStart("2026-12-04", -1) = "2026-11-01". */
export function monthStart(today: string, offset: number): string {
  return addMonths(`${today.slice(0, 7)}-01`, offset);
}

/** The month the demo payroll pays: last month. Paid cases are decided before it starts. */
export function payrollMonth(today: string): string {
  return monthStart(today, -1).slice(0, 7);
}

/**
 * The latest plan whose last step for `target` is on or before its limit: today for a case still in progress,
 * the day before last month began for a case the demo payroll pays (so it is in force for the whole month), or
 * the day before the month `paidFromMonthsBack` months ago for a case paid since then (a year of payrolls).
 */
export function planCase(today: string, target: SeedTarget, paidFromMonthsBack = 1): CasePlan {
  const limit =
    target === "active" || target === "refused"
      ? addDays(monthStart(today, -Math.max(1, paidFromMonthsBack)), -1)
      : today;
  const lastWorkingDay = isWorkingDay(limit) ? limit : addWorkingDays(limit, -1);
  // Start from the working days the steps take when no holiday is in the way, then step back until the plan fits.
  let submittedOn = addWorkingDays(lastWorkingDay, -nominalWorkingDays[target]);
  for (;;) {
    const plan = planFrom(submittedOn);
    if (plan[lastStep[target]] <= limit) return plan;
    submittedOn = addWorkingDays(submittedOn, -1);
  }
}

/** The rule checks the commands apply, as messages (empty when the plan is one a clerk could record on `today`). */
export function planProblems(plan: CasePlan, today: string, target: SeedTarget): string[] {
  const problems: string[] = [];
  const order: (keyof CasePlan)[] = [
    "submittedOn",
    "visitedOn",
    "checkedOn",
    "appraisedOn",
    "opinionOn",
    "publicityStartOn",
    "decidedOn",
  ];
  const reached = order.slice(0, order.indexOf(lastStep[target]) + 1);
  for (const step of reached) {
    if (plan[step] > today) problems.push(`${step} ${plan[step]} is after today ${today}`);
    if (!isWorkingDay(plan[step])) problems.push(`${step} ${plan[step]} is not a working day`);
  }
  for (let index = 1; index < reached.length; index += 1) {
    if (plan[reached[index]] < plan[reached[index - 1]])
      problems.push(`${reached[index]} is before ${reached[index - 1]}`);
  }
  if (reached.includes("opinionOn") && plan.opinionOn > townOpinionDue(plan.submittedOn))
    problems.push("town opinion after its deadline");
  if (reached.includes("publicityStartOn") && plan.publicityEndOn !== publicityEnd(plan.publicityStartOn))
    problems.push("publicity end is not the rule's");
  if (reached.includes("decidedOn")) {
    if (plan.decidedOn <= plan.publicityEndOn)
      problems.push(`decision ${plan.decidedOn} before the publicity ends ${plan.publicityEndOn}`);
    if (plan.decidedOn > decisionDue(plan.publicityEndOn)) problems.push("decision after its deadline");
    if (plan.decidedOn >= monthStart(today, -1))
      problems.push(`paid case decided on ${plan.decidedOn}, not before the payroll month ${payrollMonth(today)}`);
  }
  return problems;
}

/** The CPI months of the demo (the four months before today's) with a release day: the first working day from the 12th. */
export function cpiMonths(today: string): { month: string; releasedOn: string }[] {
  return [-4, -3, -2, -1].map((offset) => {
    const twelfth = addDays(monthStart(today, offset), 11);
    return { month: twelfth.slice(0, 7), releasedOn: isWorkingDay(twelfth) ? twelfth : addWorkingDays(twelfth, 1) };
  });
}
