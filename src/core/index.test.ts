import { describe, expect, it } from "vitest";
import * as core from "./index";

describe("core index", () => {
  it("re-exports every module's API", () => {
    for (const name of [
      "ok", "err", "yuanToFen", "parseYuan", "fenToYuanString", "formatYuan", "multiplyFen",
      "parsePoints", "pointsToNumber", "formatPoints", "multiplyPointsByPercent",
      "isIsoDate", "todayInShanghai", "toShanghaiDate", "ageInFullYears", "addDays", "addMonths", "compareDates", "daysBetween",
      "isWorkingDay", "addWorkingDays", "workingDaysBetween", "calendarYears",
      "validateIdNumber", "generateIdNumber", "validatePhone", "maskName", "maskIdNumber", "maskPhone",
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
