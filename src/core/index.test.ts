import { describe, expect, it } from "vitest";
import * as calendar from "./calendar";
import * as clock from "./clock";
import * as dates from "./dates";
import * as idNumber from "./id-number";
import * as core from "./index";
import * as masking from "./masking";
import * as money from "./money";
import * as phone from "./phone";
import * as points from "./points";
import * as result from "./result";

const modules = { result, money, points, dates, calendar, idNumber, phone, masking, clock };

describe("core index", () => {
  it("re-exports every export of each kernel module as the same value, and nothing else", () => {
    const expected = new Map<string, unknown>();
    for (const [moduleName, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        expect(expected.has(name), `${moduleName}.${name} is exported twice`).toBe(false);
        expected.set(name, value);
      }
    }
    expect(Object.keys(core).sort()).toEqual([...expected.keys()].sort());
    for (const [name, value] of expected) expect((core as Record<string, unknown>)[name], name).toBe(value);
  });

  it("works through the index: money, points, dates, the working-day calendar, ID numbers and masking", () => {
    expect(core.parseYuan("1050.5")).toEqual({ ok: true, value: 105050 });
    expect(core.fenToYuanString(-35050)).toBe("-350.50");
    expect(core.formatPoints(core.parsePoints("12.5"))).toBe("12.50");
    expect(core.addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(core.addWorkingDays("2024-09-30", 1)).toBe("2024-10-08");
    const id = core.generateIdNumber("442000", "1985-04-04", 1);
    expect(core.validateIdNumber(id, "2024-01-01")).toMatchObject({ ok: true, value: { birthDate: "1985-04-04" } });
    expect(core.maskName("张三明")).toBe("张*明");
  });
});
