/**
 * The city dashboard through the API: staff scope (a clerk sees their 镇区 only), the server's date as `asOf`, the
 * printable monthly PDF report, and the open-data catalogue with each dataset's dictionary inline.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../src/core/clock";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;
let clerk: Session;

beforeAll(async () => {
  setClock("2026-03-18");
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
  clerk = await signIn(test.app, "clerk");
});

afterAll(async () => {
  resetClock();
  await test?.close();
});

describe("the staff dashboard", () => {
  it("answers for the server's year with its date, under the five goals", async () => {
    const response = await admin.request("GET", "/api/v1/insight/indicators");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.year).toBe(2026);
    expect(body.asOf).toBe("2026-03-18");
    expect(body.goals.map((goal: { goal: string }) => goal.goal)).toEqual([
      "livelihood",
      "safety",
      "fairness",
      "vitality",
      "rule_of_law",
    ]);
  });

  it("keeps a clerk to their 镇区", async () => {
    const own = await clerk.request("GET", "/api/v1/insight/indicators");
    expect(own.json().scope).toEqual(["shiqi"]);
    const other = await clerk.request("GET", "/api/v1/insight/indicators?townCode=xiaolan");
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe("town_out_of_scope");
  });

  it("prints the monthly report as a PDF named by year, month and 镇区", async () => {
    const response = await admin.request("GET", "/api/v1/insight/report.pdf?year=2026&month=2&townCode=shiqi");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(String(response.headers["content-disposition"])).toContain("report-2026-02-shiqi.pdf");
    expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // A clerk's report is their 镇区's, whatever they ask for.
    const clerks = await clerk.request("GET", "/api/v1/insight/report.pdf?townCode=xiaolan");
    expect(String(clerks.headers["content-disposition"])).toContain("report-2026-03-shiqi.pdf");
    const anonymous = await test.app.inject({ method: "GET", url: "/api/v1/insight/report.pdf" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the newer modules on the dashboard and in the inbox", () => {
  it("counts a tip-off on the dashboard and gives it to the handling department's verifier as a task", async () => {
    await sql`insert into tipoff_categories (code, name, department_code, public, investigation_days)
      values ('school_safety', '校园安全', 'education', true, 10)`.execute(test.database.db);
    const reported = await test.app.inject({
      method: "POST",
      url: "/api/v1/tipoffs",
      payload: {
        categoryCode: "school_safety",
        townCode: "shiqi",
        place: "石岐区某校门口",
        description: "放学时段校门口车辆乱停",
        anonymous: true,
      },
    });
    expect(reported.statusCode).toBe(201);

    const verifier = await signIn(test.app, "verifier");
    const inbox = (await verifier.request("GET", "/api/v1/inbox")).json();
    const task = inbox.items.find((item: { module: string }) => item.module === "tipoffs");
    expect(task).toBeDefined();
    expect(task.link).toMatch(/^\/console\/tipoffs\/[0-9a-f-]{36}$/);
    expect(task.history[0]).toEqual({ on: "2026-03-18", label: "收到举报 (reported)" });
    // A clerk (not the handling department) does not get it.
    const clerkInbox = (await clerk.request("GET", "/api/v1/inbox")).json();
    expect(clerkInbox.items.some((item: { module: string }) => item.module === "tipoffs")).toBe(false);

    const dashboard = (await admin.request("GET", "/api/v1/insight/indicators")).json();
    const received = dashboard.indicators.find((item: { id: string }) => item.id === "tipoffs.received");
    expect(received).toMatchObject({ status: "available", city: 1, towns: [{ townCode: "shiqi", value: 1 }] });
    expect(received.monthly).toEqual([{ month: 3, value: 1 }]);
    for (const id of ["participation.volunteers", "participation.volunteer_hours", "fund.projects", "tipoffs.verified"])
      expect(dashboard.indicators.find((item: { id: string }) => item.id === id).status, id).toBe("available");
  });
});

describe("the open-data catalogue", () => {
  it("gives each dataset's stable URLs and its data dictionary inline", async () => {
    const response = await test.app.inject({ method: "GET", url: "/open-data/catalog.json" });
    const statistics = response.json().datasets.find((dataset: { id: string }) => dataset.id === "town-statistics");
    expect(statistics.csv).toBe("/open-data/town-statistics.csv");
    const dictionary = await test.app.inject({ method: "GET", url: statistics.dictionary });
    expect(statistics.columns).toEqual(dictionary.json().columns);
    expect(statistics.descriptionEn).toMatch(/per town/);
  });
});
