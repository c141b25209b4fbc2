import { describe, expect, it } from "vitest";
import { loadPointsEngine } from "./points.engine";

describe("points engine facade", () => {
  const engine = loadPointsEngine("zhongshan-points");
  if (!engine.ok) throw new Error(engine.error.message);
  const request = {
    id: 7,
    purpose: "housing",
    town: "xiaolan",
    application_date: "2015-05-01",
    facts: { education: "college", residence_permit_years: 5 },
  };

  it("explains one request under the version in force on its date", () => {
    const outcome = engine.value.explain(request);
    expect(outcome).toMatchObject({
      ok: true,
      value: { policy: "zhongshan-points-2014", total: 11050, eligible: true },
    });
    expect(
      engine.value.explain({ ...request, application_date: "2014-05-01", facts: { education: "senior_secondary" } }),
    ).toMatchObject({ ok: true, value: { policy: "zhongshan-points-2013", total: 5200 } });
  });

  it("ignores a fact of another version of the family, but refuses a fact no version knows", () => {
    const facts = { education: "senior_secondary", safety_officer: "junior" };
    expect(engine.value.explain({ ...request, application_date: "2014-05-01", facts })).toMatchObject({
      ok: true,
      value: { policy: "zhongshan-points-2013", total: 5200 },
    });
    expect(engine.value.explain({ ...request, application_date: "2015-05-01", facts })).toMatchObject({
      ok: true,
      value: { policy: "zhongshan-points-2014" },
    });
    expect(engine.value.explain({ ...request, facts: { colour: "red" } })).toMatchObject({
      ok: false,
      error: { code: "unknown_fact", field: "facts.colour" },
    });
  });

  it("refuses with the field named", () => {
    expect(engine.value.explain({ ...request, town: "nowhere" })).toMatchObject({
      ok: false,
      error: { code: "unknown_town", field: "town" },
    });
  });

  it("evaluates a population in batches, in order", () => {
    const population = Array.from({ length: 10 }, (_, index) => ({
      ...request,
      id: index,
      facts: { residence_permit_years: index },
    }));
    const entries = [...engine.value.evaluate(population, 3)];
    expect(entries.map((entry) => entry.id)).toEqual(population.map((entry) => entry.id));
    expect(entries.map((entry) => ("total" in entry ? entry.total : null))).toEqual([
      0, 6.5, 13, 19.5, 26, 32.5, 39, 45.5, 52, 58.5,
    ]);
  });

  it("refuses an unknown policy", () => {
    expect(loadPointsEngine("nowhere-points")).toMatchObject({ ok: false, error: { code: "unknown_policy" } });
  });
});
