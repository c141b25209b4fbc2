import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/transaction";
import { seedCampaigns } from "../../src/modules/participation/seeds";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;
let clerk: Session;

beforeAll(async () => {
  test = await createTestApp();
  await inTransaction(test.database.db, (trx) => seedCampaigns(trx));
  admin = await signIn(test.app, "programmeadmin");
  clerk = await signIn(test.app, "clerk");
});

afterAll(async () => {
  await test?.close();
});

/** The fields a refusal names. */
function fields(response: { json: () => { error: { fields: Record<string, string> } } }): string[] {
  return Object.keys(response.json().error.fields);
}

const body = {
  code: "quanmin_jiankang",
  name: "全民健康",
  goal: "人人健身",
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  departmentCode: "health_family_planning",
};

describe("participation campaigns", () => {
  it("lists the six 全民 campaigns publicly, without signing in", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/v1/participation/campaigns" });
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((item: { name: string }) => item.name);
    expect(names).toEqual(
      expect.arrayContaining(["全民修身", "全民创文", "全民治安", "全民创业", "全民禁毒", "全民公益"]),
    );
    const jindu = await test.app.inject({ method: "GET", url: "/api/v1/participation/campaigns/jindu" });
    expect(jindu.json()).toMatchObject({ name: "全民禁毒", departmentCode: "public_security", endsOn: null });
  });

  it("lets a programme admin create a campaign, with its audit entry, and refuses a clerk", async () => {
    const before = await countAudit(test.database.db, "participation.campaign.create");
    const created = await admin.request("POST", "/api/v1/participation/campaigns", body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: "quanmin_jiankang", departmentName: "市卫生计生局" });
    expect(await countAudit(test.database.db, "participation.campaign.create")).toBe(before + 1);
    const refused = await clerk.request("POST", "/api/v1/participation/campaigns", { ...body, code: "other" });
    expect(refused.statusCode).toBe(403);
  });

  it("refuses a duplicate code, a period ending before it starts, an unknown department and a bad code", async () => {
    const duplicate = await admin.request("POST", "/api/v1/participation/campaigns", body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe("duplicate_campaign");
    expect(fields(duplicate)).toEqual(["code"]);
    const period = await admin.request("POST", "/api/v1/participation/campaigns", {
      ...body,
      code: "later",
      endsOn: "2025-12-31",
    });
    expect(period.statusCode).toBe(400);
    expect(fields(period)).toEqual(["endsOn"]);
    expect(period.json().error.message).toContain("结束日期");
    const department = await admin.request("POST", "/api/v1/participation/campaigns", {
      ...body,
      code: "nodept",
      departmentCode: "nowhere",
    });
    expect(department.statusCode).toBe(400);
    expect(fields(department)).toEqual(["departmentCode"]);
    const code = await admin.request("POST", "/api/v1/participation/campaigns", { ...body, code: "Bad Code" });
    expect(code.statusCode).toBe(400);
    expect(fields(code)).toEqual(["code"]);
    const missing = await test.app.inject({ method: "GET", url: "/api/v1/participation/campaigns/nothing" });
    expect(missing.statusCode).toBe(404);
  });
});
