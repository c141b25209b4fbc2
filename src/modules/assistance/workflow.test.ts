import { describe, expect, it } from "vitest";
import { isWorkingDay } from "../../core/calendar";
import {
  appraisalValid,
  decisionDue,
  nextMonth,
  nextReview,
  publicityEnd,
  reviewIntervalMonths,
  stepAllowed,
  timings,
  townOpinionDue,
} from "./workflow";
import { publicityEndDate } from "../../platform/publicity/publicity.lists";

describe("assistance workflow rules", () => {
  it("needs 2/3 present and 2/3 of those present agreeing", () => {
    expect(appraisalValid({ members: 9, present: 6, agree: 4 }).valid).toBe(true);
    expect(appraisalValid({ members: 9, present: 5, agree: 5 })).toEqual({ quorum: false, agreed: true, valid: false });
    expect(appraisalValid({ members: 9, present: 6, agree: 3 })).toEqual({ quorum: true, agreed: false, valid: false });
    expect(appraisalValid({ members: 0, present: 0, agree: 0 }).valid).toBe(false);
  });

  it("counts deadlines in working days over the National Day holiday", () => {
    // 2026-09-30 (Wed) + 15 working days skips the 10.1–10.7 holiday and counts Saturday 10-10 (a make-up
    // working day): 10-08, 09, 10, 12–16, 19–23, 26, 27 → Tuesday 2026-10-27.
    const due = townOpinionDue("2026-09-30");
    expect(due).toBe("2026-10-27");
    expect(isWorkingDay(due)).toBe(true);
    expect(decisionDue("2026-11-06")).toBe("2026-11-20");
    // 7 working days from Monday 2026-11-02 (counted) end on Tuesday 2026-11-10, as the platform list says.
    expect(publicityEnd("2026-11-02")).toBe("2026-11-10");
    expect(publicityEnd("2026-11-02")).toBe(publicityEndDate("2026-11-02", timings.publicityWorkingDays));
    // Starting on Saturday 2026-11-07: the first working day is Monday 11-09, so the end is Tuesday 11-17.
    expect(publicityEnd("2026-11-07")).toBe("2026-11-17");
  });

  it("schedules reviews by work capacity", () => {
    expect(reviewIntervalMonths("none", false)).toBe(12);
    expect(reviewIntervalMonths("none", true)).toBe(6);
    expect(reviewIntervalMonths("partial", false)).toBe(6);
    expect(reviewIntervalMonths("able", true)).toBe(3);
    expect(nextReview("2026-01-31", "able", false)).toBe("2026-04-30");
  });

  it("allows steps only from their states", () => {
    expect(stepAllowed("decide", "publicised")).toBe(true);
    expect(stepAllowed("decide", "submitted")).toBe(false);
    expect(stepAllowed("appeal", "refused")).toBe(true);
    expect(stepAllowed("stop", "refused")).toBe(false);
    expect(nextMonth("2026-12")).toBe("2027-01");
  });
});
