/**
 * The case workflow as pure rules: which step may follow which state, the working-day deadlines of the
 * procedure (Decree 649 Arts. 11–13, provincial practice: town opinion within 15 working days, 7 working days of
 * publicity, civil-affairs decision within 10 working days), the democratic-appraisal quorum and the review
 * interval by work capacity. Timings are configurable defaults kept here in one place.
 */
import { addWorkingDays, isWorkingDay } from "../../core/calendar";
import { addDays, addMonths } from "../../core/dates";
import type { CaseState } from "./tables";

/** Procedure timings (configurable defaults, see docs/assistance-module.md). */
export const timings = {
  townOpinionWorkingDays: 15,
  publicityWorkingDays: 7,
  decisionWorkingDays: 10,
  priceSubsidyWorkingDays: 20,
  appealDays: 60,
  referralWorkingDays: 10,
} as const;

/** Steps a case goes through; each names the states it may start from. */
export const stepsFrom: Record<string, readonly CaseState[]> = {
  investigate: ["submitted", "investigated"],
  appraise: ["investigated"],
  town_opinion: ["appraised"],
  publicise: ["town_reviewed"],
  decide: ["town_reviewed", "publicised"],
  appeal: ["refused"],
  appeal_decide: ["appealed"],
  withdraw: ["submitted", "investigated", "appraised", "town_reviewed", "publicised"],
  report_change: ["active"],
  review: ["active"],
  adjust: ["active"],
  stop: ["active"],
  fraud: ["active", "stopped"],
};

/** Tells whether `step` may be taken in `state`. */
export function stepAllowed(step: keyof typeof stepsFrom, state: CaseState): boolean {
  return stepsFrom[step].includes(state);
}

/** The town opinion is due 15 working days after the application was accepted. */
export function townOpinionDue(submittedOn: string): string {
  return addWorkingDays(submittedOn, timings.townOpinionWorkingDays);
}

/**
 * The last day of the community publicity that starts on `start`: 7 working days, the start day counted when it
 * is a working day — the same end date the platform publicity (`publicityEndDate`) gives the published list.
 */
export function publicityEnd(start: string): string {
  return addWorkingDays(start, isWorkingDay(start) ? timings.publicityWorkingDays - 1 : timings.publicityWorkingDays);
}

/** A referral from another module (转介) is to be accepted or declined within 10 working days of its arrival. */
export function referralDue(receivedOn: string): string {
  return addWorkingDays(receivedOn, timings.referralWorkingDays);
}

/** The civil-affairs decision is due 10 working days after the publicity ends (or after the town opinion). */
export function decisionDue(afterDate: string): string {
  return addWorkingDays(afterDate, timings.decisionWorkingDays);
}

/** A refusal may be appealed until this date. */
export function appealDue(decidedOn: string): string {
  return addDays(decidedOn, timings.appealDays);
}

/** The price subsidy is paid within 20 working days of the index release. */
export function priceSubsidyDue(releasedOn: string): string {
  return addWorkingDays(releasedOn, timings.priceSubsidyWorkingDays);
}

/** Attendance and votes of a democratic appraisal (民主评议). */
export interface AppraisalVotes {
  members: number;
  present: number;
  agree: number;
}

/** Valid only when at least 2/3 of the members are present and at least 2/3 of those present agree (integers, no rounding). */
export function appraisalValid(votes: AppraisalVotes): { quorum: boolean; agreed: boolean; valid: boolean } {
  const quorum = votes.members > 0 && 3 * votes.present >= 2 * votes.members;
  const agreed = votes.present > 0 && 3 * votes.agree >= 2 * votes.present;
  return { quorum, agreed, valid: quorum && agreed };
}

/** Months between periodic reviews: no work capacity yearly, partial capacity or serious illness half-yearly, able-bodied quarterly. */
export function reviewIntervalMonths(capacity: "none" | "partial" | "able", seriousIllness: boolean): number {
  if (capacity === "able") return 3;
  if (capacity === "partial" || seriousIllness) return 6;
  return 12;
}

/** The next periodic review after `from`. */
export function nextReview(from: string, capacity: "none" | "partial" | "able", seriousIllness: boolean): string {
  return addMonths(from, reviewIntervalMonths(capacity, seriousIllness));
}

/** The YYYY-MM month of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}
