import { describe, expect, it } from "vitest";
import { isWorkingDay } from "../../core/calendar";
import { addDays } from "../../core/dates";
import { cpiMonths, monthStart, payrollMonth, planCase, planProblems, type SeedTarget } from "./seeds.plan";
import { publicityEnd } from "./workflow";

const targets: SeedTarget[] = [
  "submitted",
  "investigated",
  "appraised",
  "town_reviewed",
  "publicised",
  "active",
  "refused",
];

describe("the assistance demo's dates", () => {
  it("pass the procedure's rules on every day from 2026 to 2035, holidays included", () => {
    const failures: string[] = [];
    for (let today = "2026-01-01"; today <= "2035-12-31"; today = addDays(today, 1)) {
      for (const target of targets) {
        for (const problem of planProblems(planCase(today, target), today, target))
          failures.push(`${today} ${target}: ${problem}`);
      }
      // The cases a year of payrolls pays: decided before the month they are first paid for.
      for (const monthsBack of [4, 12]) {
        const plan = planCase(today, "active", monthsBack);
        for (const problem of planProblems(plan, today, "active"))
          failures.push(`${today} active ${monthsBack} months back: ${problem}`);
        if (plan.decidedOn >= monthStart(today, -monthsBack))
          failures.push(`${today} active ${monthsBack} months back: decided ${plan.decidedOn}`);
      }
      for (const { month, releasedOn } of cpiMonths(today)) {
        if (releasedOn > today || !releasedOn.startsWith(month) || !isWorkingDay(releasedOn))
          failures.push(`${today} cpi ${month}: released ${releasedOn}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("decide after the real end of a publicity that crosses National Day (the day the first start used to fail)", () => {
    const plan = planCase("2026-12-04", "active");
    expect(plan.decidedOn < "2026-11-01").toBe(true);
    expect(plan.decidedOn > plan.publicityEndOn).toBe(true);
    expect(plan.publicityEndOn).toBe(publicityEnd(plan.publicityStartOn));
    expect(payrollMonth("2026-12-04")).toBe("2026-11");
    // A plan that starts its publicity just before the holiday ends it after the holiday.
    expect(publicityEnd("2026-09-29")).toBe("2026-10-13");
  });

  it("finds the rules' complaint when a plan is bent", () => {
    const plan = planCase("2026-12-04", "active");
    expect(planProblems({ ...plan, decidedOn: plan.publicityEndOn }, "2026-12-04", "active")).toEqual([
      `decision ${plan.publicityEndOn} before the publicity ends ${plan.publicityEndOn}`,
    ]);
    expect(planProblems(planCase("2026-12-04", "submitted"), "2026-12-03", "submitted")[0]).toMatch(/after today/);
  });
});
