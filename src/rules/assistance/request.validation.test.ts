import { describe, expect, it } from "vitest";
import { isMonth, parseAssistanceRequest, previousMonth } from "./request.validation";

const household = { members: [{ id: "A", monthly_income_yuan: 100.5, categories: ["minor"] }], assets_yuan: 0 };

function errorOf(raw: unknown): { code: string; field?: string } {
  const result = parseAssistanceRequest(raw);
  if (result.ok) throw new Error("expected an error");
  return { code: result.error.code, field: result.error.field };
}

describe("parseAssistanceRequest", () => {
  it("turns yuan into fen and percents into hundredths", () => {
    const result = parseAssistanceRequest({
      id: 7,
      month: "2018-03",
      household: { members: [{ id: "A", monthly_income_yuan: 1234.56 }], assets_yuan: 0.1 },
      cpi: { yoy_percent: 3.4, food_yoy_percent: -0.25 },
      cpi_history: [{ month: "2018-02", yoy_percent: 3 }],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.members).toEqual([{ id: "A", incomeFen: 123456, categories: [] }]);
    expect(result.value.assetsFen).toBe(10);
    expect(result.value.cpi).toEqual({ cpiHundredths: 340, foodHundredths: -25 });
    expect(result.value.cpiHistory.get("2018-02")).toEqual({ cpiHundredths: 300, foodHundredths: undefined });
  });

  it("names the field of each invalid input", () => {
    expect(errorOf(null)).toEqual({ code: "invalid_request", field: "request" });
    expect(errorOf({ month: "2018-03", household })).toEqual({ code: "invalid_id", field: "id" });
    expect(errorOf({ id: "x", month: "2018-3", household })).toEqual({ code: "invalid_month", field: "month" });
    expect(errorOf({ id: "x", month: "2018-00", household })).toEqual({ code: "invalid_month", field: "month" });
    expect(errorOf({ id: "x", month: "2018-03" })).toEqual({ code: "missing_household", field: "household" });
    expect(errorOf({ id: "x", month: "2018-03", household: [] })).toEqual({
      code: "invalid_household",
      field: "household",
    });
    expect(errorOf({ id: "x", month: "2018-03", household: { members: [], assets_yuan: 0 } })).toEqual({
      code: "invalid_members",
      field: "household.members",
    });
    const member = (patch: object) => ({
      id: "x",
      month: "2018-03",
      household: { members: [{ id: "A", monthly_income_yuan: 0, ...patch }], assets_yuan: 0 },
    });
    expect(errorOf(member({ monthly_income_yuan: -0.01 }))).toEqual({
      code: "invalid_income",
      field: "household.members[0].monthly_income_yuan",
    });
    expect(errorOf(member({ monthly_income_yuan: "100" }))).toEqual({
      code: "invalid_income",
      field: "household.members[0].monthly_income_yuan",
    });
    expect(errorOf(member({ monthly_income_yuan: 1.005 }))).toEqual({
      code: "invalid_income",
      field: "household.members[0].monthly_income_yuan",
    });
    expect(errorOf(member({ id: "" }))).toEqual({ code: "invalid_member_id", field: "household.members[0].id" });
    expect(errorOf(member({ categories: "minor" }))).toEqual({
      code: "invalid_categories",
      field: "household.members[0].categories",
    });
    expect(errorOf({ id: "x", month: "2018-03", household: { members: household.members } })).toEqual({
      code: "invalid_assets",
      field: "household.assets_yuan",
    });
    expect(errorOf({ id: "x", month: "2018-03", household, cpi: { yoy_percent: "3.4" } })).toEqual({
      code: "invalid_cpi",
      field: "cpi.yoy_percent",
    });
    expect(errorOf({ id: "x", month: "2018-03", household, cpi: { yoy_percent: 3.456 } })).toEqual({
      code: "invalid_cpi",
      field: "cpi.yoy_percent",
    });
    expect(
      errorOf({ id: "x", month: "2018-03", household, cpi_history: [{ month: "2018-03", yoy_percent: 3 }] }),
    ).toEqual({
      code: "invalid_cpi_history",
      field: "cpi_history[0].month",
    });
  });

  it('treats member ids 1 and "1" as the same member', () => {
    const raw = {
      id: "x",
      month: "2018-03",
      household: {
        members: [
          { id: 1, monthly_income_yuan: 0 },
          { id: "1", monthly_income_yuan: 0 },
        ],
        assets_yuan: 0,
      },
    };
    expect(errorOf(raw)).toEqual({ code: "duplicate_member", field: "household.members[1].id" });
  });
});

describe("months", () => {
  it("recognises YYYY-MM and steps back across a year", () => {
    expect(isMonth("2018-12")).toBe(true);
    expect(isMonth("2018-12-01")).toBe(false);
    expect(previousMonth("2018-01")).toBe("2017-12");
    expect(previousMonth("2018-10")).toBe("2018-09");
  });
});
