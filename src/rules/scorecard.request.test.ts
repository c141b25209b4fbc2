import { describe, expect, it } from "vitest";
import { loadVersionFolder, POLICIES_ROOT } from "./policy.registry";
import { checkRequest, type ScoringRequest } from "./scorecard.request";
import { join } from "node:path";

const loaded = loadVersionFolder(join(POLICIES_ROOT, "zhongshan/points/2014"));
if (!loaded.ok) throw new Error("2014 does not load");
const plan = loaded.value;
const valid = { id: 1, purpose: "housing", town: "shiqi", application_date: "2015-05-01", facts: {} };

function refusal(request: ScoringRequest): { code: string; field?: string } | undefined {
  const checked = checkRequest(plan, request);
  return checked.ok ? undefined : { code: checked.error.code, field: checked.error.field };
}

describe("request validation", () => {
  it("accepts a minimal request", () => expect(refusal(valid)).toBeUndefined());
  it.each([
    [{ ...valid, facts: { colour: "red" } }, "unknown_fact", "facts.colour"],
    [{ ...valid, facts: { owns_qualifying_housing: "yes" } }, "invalid_type", "facts.owns_qualifying_housing"],
    [{ ...valid, facts: { residence_permit_years: -1 } }, "negative_count", "facts.residence_permit_years"],
    [{ ...valid, facts: { residence_permit_years: 1.5 } }, "fractional_count", "facts.residence_permit_years"],
    [{ ...valid, facts: { birth_date: "1990-02-30" } }, "invalid_date", "facts.birth_date"],
    [{ ...valid, application_date: "2015-13-01" }, "invalid_date", "application_date"],
    [{ ...valid, town: "atlantis" }, "unknown_town", "town"],
    [{ ...valid, purpose: "car" }, "unknown_purpose", "purpose"],
    [{ ...valid, purpose: "school" }, "missing_grade", "grade"],
    [{ ...valid, purpose: "school", grade: "senior_1" }, "unknown_grade", "grade"],
    [{ ...valid, facts: { education: "phd" } }, "invalid_value", "facts.education"],
    [{ ...valid, facts: { donation_yuan_5y: 10.005 } }, "invalid_amount", "facts.donation_yuan_5y"],
    [
      { ...valid, facts: { insurance_years_guangdong: { pension: 2, dental: 1 } } },
      "unknown_fact",
      "facts.insurance_years_guangdong.dental",
    ],
    [
      { ...valid, facts: { honours_county: 1, honours_county_in_zhongshan: 2 } },
      "subset_exceeds_whole",
      "facts.honours_county_in_zhongshan",
    ],
    [
      { ...valid, facts: { volunteer_hours_5y: 10, volunteer_hours_special_5y: 10, volunteer_hours_zhongshan_5y: 21 } },
      "subset_exceeds_whole",
      "facts.volunteer_hours_zhongshan_5y",
    ],
    [
      { ...valid, facts: { insurance_years_guangdong: { pension: 2 }, insurance_years_zhongshan: { pension: 3 } } },
      "subset_exceeds_whole",
      "facts.insurance_years_zhongshan.pension",
    ],
  ])("refuses %j with %s on %s", (request, code, field) => {
    expect(refusal(request as ScoringRequest)).toEqual({ code, field });
  });
  it("accepts a subset equal to its whole across two wholes", () => {
    expect(
      refusal({
        ...valid,
        facts: { volunteer_hours_5y: 10, volunteer_hours_special_5y: 10, volunteer_hours_zhongshan_5y: 20 },
      }),
    ).toBeUndefined();
  });
  it("ignores a grade on a purpose without grades and values above caps", () => {
    expect(refusal({ ...valid, grade: "primary_1", facts: { residence_permit_years: 400 } })).toBeUndefined();
  });
});
