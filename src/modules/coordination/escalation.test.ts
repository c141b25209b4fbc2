import { describe, expect, it } from "vitest";
import { escalationLevel, workingDaysOverdue } from "./escalation";

describe("escalation over working days", () => {
  it("counts a task due before National Day 2026 as one working day late on the first working day after it", () => {
    // 2026-10-01 … 10-07 are holidays; 10-10 (a Saturday) is a make-up working day.
    expect(workingDaysOverdue("2026-09-30", "2026-10-08")).toBe(1);
    expect(escalationLevel("2026-09-30", "2026-10-08")).toBe(1);
    expect(escalationLevel("2026-09-30", "2026-10-07")).toBe(0);
    expect(workingDaysOverdue("2026-09-30", "2026-10-10")).toBe(3);
    expect(escalationLevel("2026-09-30", "2026-10-10")).toBe(2);
    expect(escalationLevel("2026-09-30", "2026-10-13")).toBe(3);
  });

  it("does not count Spring Festival 2026 (02-15 … 02-23) as overdue days", () => {
    // Due on the make-up Saturday 02-14 before the festival; 02-28 is the next make-up Saturday.
    expect(escalationLevel("2026-02-14", "2026-02-23")).toBe(0);
    expect(escalationLevel("2026-02-14", "2026-02-24")).toBe(1);
    expect(workingDaysOverdue("2026-02-14", "2026-02-28")).toBe(5);
    expect(escalationLevel("2026-02-14", "2026-02-28")).toBe(3);
  });

  it("is not overdue on or before the due date", () => {
    expect(workingDaysOverdue("2026-12-04", "2026-12-04")).toBe(0);
    expect(workingDaysOverdue("2026-12-04", "2026-12-01")).toBe(0);
  });
});
