// Refusals read as sentences in the caller's language: schema errors translated field by field (never Ajv's
// English), the kernel's English refusals given a Chinese sentence, "中文 (English)" split by Accept-Language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, makeHousehold } from "./assistance.fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let admin: Session;
let household: { householdId: string; personIds: string[] };

const zh = { "accept-language": "zh-CN,zh;q=0.9" };
const en = { "accept-language": "en" };
/** Schema or developer English that must never reach a person reading Chinese. */
const schemaEnglish = /must |invalid body|NOT have|pattern|required\)|\(|[A-Za-z]{4,}/;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  clerk = await signIn(app, "clerk");
  admin = await signIn(app, "admin");
  household = await makeHousehold(clerk, "shiqi", [{ name: "黄一" }, { name: "黄二" }]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Answer = {
  statusCode: number;
  json: () => { error: { code: string; message: string; fields: Record<string, string> } };
};

function refusal(response: Answer, status = 400) {
  expect(response.statusCode).toBe(status);
  return response.json().error;
}

describe("schema errors in Chinese, field by field", () => {
  it("names the bank account's rule and the member's income, with no schema English", async () => {
    const body = caseBody(household.householdId, household.personIds, ["100", "0"]);
    const error = refusal(
      await clerk.request(
        "POST",
        "/api/v1/assistance/cases",
        {
          ...body,
          bankAccount: "6222-0200",
          members: [{ ...body.members[0], monthlyIncomeYuan: "x".repeat(30) }, body.members[1]],
        },
        zh,
      ),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.fields.bankAccount).toBe("银行账号应为12至30位数字（不含空格或横线）");
    expect(error.fields["members.0.monthlyIncomeYuan"]).toBe("第1位成员的月收入（元）不能超过20个字，请删减后再提交");
    expect(error.message).toContain("银行账号应为12至30位数字");
    for (const text of [error.message, ...Object.values(error.fields)]) expect(text).not.toMatch(schemaEnglish);
  });

  it("gives the same refusal in English when English is asked", async () => {
    const body = caseBody(household.householdId, household.personIds, ["100", "0"]);
    const error = refusal(
      await clerk.request("POST", "/api/v1/assistance/cases", { ...body, bankAccount: "12ab" }, en),
    );
    expect(error.fields.bankAccount).toBe("Bank account must be 12 to 30 digits (no spaces or dashes)");
    expect(error.message).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("without Accept-Language answers in both languages, as the rest of the API", async () => {
    const body = caseBody(household.householdId, household.personIds, ["100", "0"]);
    const error = refusal(await clerk.request("POST", "/api/v1/assistance/cases", { ...body, bankAccount: "12ab" }));
    expect(error.fields.bankAccount).toBe(
      "银行账号应为12至30位数字（不含空格或横线） (Bank account must be 12 to 30 digits (no spaces or dashes))",
    );
  });

  it("names over-long findings, an impossible date and a missing field of the investigation", async () => {
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(household.householdId, household.personIds, ["100", "0"]),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const error = refusal(
      await clerk.request(
        "POST",
        `/api/v1/assistance/cases/${id}/investigation`,
        {
          homeVisit: { by: "张三", on: "2026-13-45", findings: "很".repeat(2001) },
          neighbourVisits: [{ on: "2026-01-02", findings: "无异常" }],
          dataChecks: [],
        },
        zh,
      ),
    );
    expect(error.fields["homeVisit.findings"]).toBe("入户调查的调查情况不能超过2000个字，请删减后再提交");
    expect(error.fields["homeVisit.on"]).toBe("入户调查的日期不是有效的日期，请按“年-月-日”填写，例如 2026-03-01");
    expect(error.fields["neighbourVisits.0.by"]).toBe("第1次邻里走访的调查人为必填项，请填写");
    expect(error.message).toMatch(/^有3处需要修改：/);
    for (const text of [error.message, ...Object.values(error.fields)]) expect(text).not.toMatch(schemaEnglish);

    const english = refusal(
      await clerk.request(
        "POST",
        `/api/v1/assistance/cases/${id}/investigation`,
        {
          homeVisit: { by: "张三", on: "2026-01-02", findings: "很".repeat(2001) },
          neighbourVisits: [],
          dataChecks: [],
        },
        en,
      ),
    );
    expect(english.fields["homeVisit.findings"]).toBe(
      "Findings of home visit must be at most 2000 characters: please shorten it",
    );
  });
});

describe("the kernel's English refusals get a Chinese sentence", () => {
  it("a money-parse error names the field in Chinese", async () => {
    const other = await makeHousehold(clerk, "shiqi", [{ name: "林一" }]);
    const error = refusal(
      await clerk.request(
        "POST",
        "/api/v1/assistance/cases",
        caseBody(other.householdId, other.personIds, ["100"], { assetsYuan: "一千" }),
        zh,
      ),
    );
    expect(error.fields.assetsYuan).toBe(
      "家庭财产（元）应为以元为单位的金额，例如 976 或 976.05（不要输入“元”或逗号）",
    );
    expect(error.message).toBe(error.fields.assetsYuan);
    const negative = refusal(
      await clerk.request("POST", "/api/v1/assistance/cases", caseBody(other.householdId, other.personIds, ["-5"]), zh),
    );
    expect(negative.fields["members.0.monthlyIncomeYuan"]).toBe("第1位成员的月收入（元）不能为负数");
  });

  it("the password rule is a Chinese sentence, and English on request", async () => {
    const account = {
      username: "weak.clerk",
      displayName: "弱密码",
      password: "short",
      roles: [{ role: "clerk", townCode: "shiqi" }],
    };
    const error = refusal(await admin.request("POST", "/api/v1/accounts", account, zh));
    expect(error.fields.password).toBe("密码须为10至200个字符，且至少包含一个字母和一个数字");
    const english = refusal(await admin.request("POST", "/api/v1/accounts", account, en));
    expect(english.fields.password).toBe(
      "Password must have 10 to 200 characters with at least one letter and one digit",
    );
  });

  it("the self-check's impossible date is refused under the form's date field, in Chinese", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/public/points/self-check",
      headers: zh,
      payload: { town: "shiqi", date: "2026-13-45", facts: {} },
    });
    const error = refusal(response);
    expect(error.fields.date).toMatch(/^日期不是有效的日期/);
    expect(error.message).not.toMatch(schemaEnglish);
    const town = refusal(
      await app.inject({
        method: "POST",
        url: "/api/v1/public/points/self-check",
        headers: zh,
        payload: { town: "atlantis", facts: { residence_permit_years: -1 } },
      }),
    );
    expect(town.fields.town).toBe("镇区不是已知的镇区，请从列表中选择");
  });
});
