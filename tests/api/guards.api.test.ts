import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, testIdNumber, testPassword, type Session } from "../helpers/fixtures";

/** The server rules that keep a household with one 户主 and the platform administrable (issue 15). */
let test: TestApp;
let clerk: Session;
let admin: Session;

beforeAll(async () => {
  test = await createTestApp();
  clerk = await signIn(test.app, "clerk");
  admin = await signIn(test.app, "admin");
});
afterAll(async () => {
  await test?.close();
});

async function newPerson(sequence: number, name: string): Promise<string> {
  const created = await clerk.request("POST", "/api/v1/persons", {
    name,
    idNumber: testIdNumber(sequence),
    townCode: "shiqi",
    hukouType: "local",
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

async function account(session: Session, username: string): Promise<{ id: string; version: number }> {
  const list = await session.request("GET", `/api/v1/accounts?q=${username}`);
  expect(list.statusCode, list.body).toBe(200);
  return (list.json().items as { id: string; username: string; version: number }[]).find(
    (item) => item.username === username,
  )!;
}

function refusal(response: { statusCode: number; json: () => any }) {
  const { code, message, fields } = response.json().error;
  return { status: response.statusCode, code, message: message as string, fields: Object.keys(fields ?? {}) };
}

describe("one 户主 per household", () => {
  it("refuses a second head and moves the head's relationship when the head changes", async () => {
    const head = await newPerson(601, "王大户");
    const spouse = await newPerson(602, "刘配偶");
    const created = await clerk.request("POST", "/api/v1/households", {
      townCode: "shiqi",
      address: "石岐区测试路1号",
      headPersonId: head,
    });
    expect(created.statusCode, created.body).toBe(201);
    const householdId = created.json().id as string;

    const second = await clerk.request("POST", `/api/v1/households/${householdId}/members`, {
      personId: spouse,
      relationship: "head",
    });
    expect(refusal(second)).toMatchObject({ status: 409, code: "household_has_head", fields: ["relationship"] });
    expect(refusal(second).message).toContain("本户已有户主");

    const added = await clerk.request("POST", `/api/v1/households/${householdId}/members`, {
      personId: spouse,
      relationship: "spouse",
    });
    expect(added.statusCode, added.body).toBe(201);
    const changed = await clerk.request("PATCH", `/api/v1/households/${householdId}`, {
      version: added.json().version,
      headPersonId: spouse,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const relationships = Object.fromEntries(
      (changed.json().members as { personId: string; relationship: string }[]).map((member) => [
        member.personId,
        member.relationship,
      ]),
    );
    expect(relationships).toEqual({ [spouse]: "head", [head]: "other" });
  });
});

describe("accounts", () => {
  it("refuses a resident account that is not linked to a person", async () => {
    const response = await admin.request("POST", "/api/v1/accounts", {
      username: "resident.unlinked",
      displayName: "未关联居民",
      password: testPassword,
      roles: [{ role: "resident" }],
    });
    expect(refusal(response)).toMatchObject({ status: 400, code: "person_required", fields: ["personId"] });
  });

  it("does not let an administrator disable their own account or drop their own admin role", async () => {
    const me = await account(admin, "admin");
    const disable = await admin.request("PATCH", `/api/v1/accounts/${me.id}`, { version: me.version, disabled: true });
    expect(refusal(disable)).toMatchObject({ status: 409, code: "own_account", fields: ["disabled"] });
    const demote = await admin.request("PATCH", `/api/v1/accounts/${me.id}`, {
      version: me.version,
      roles: [{ role: "auditor" }],
    });
    expect(refusal(demote)).toMatchObject({ status: 409, code: "own_account", fields: ["roles"] });
    // Still an administrator: the account list answers.
    expect((await admin.request("GET", "/api/v1/accounts")).statusCode).toBe(200);
  });

  it("keeps the last enabled administrator, and lets a second one be disabled", async () => {
    const second = await admin.request("POST", "/api/v1/accounts", {
      username: "admin.second",
      displayName: "第二管理员",
      password: testPassword,
      roles: [{ role: "admin" }],
    });
    expect(second.statusCode, second.body).toBe(201);
    const other = await signIn(test.app, "admin.second");
    const me = await account(other, "admin");
    const disabled = await other.request("PATCH", `/api/v1/accounts/${me.id}`, { version: me.version, disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    // admin.second is now the only enabled administrator: re-enabling the first is fine, disabling itself is not.
    const self = await other.request("PATCH", `/api/v1/accounts/${second.json().id}`, {
      version: 1,
      roles: [{ role: "auditor" }],
    });
    expect(refusal(self)).toMatchObject({ status: 409, code: "own_account" });
    const enabled = await other.request("PATCH", `/api/v1/accounts/${me.id}`, {
      version: disabled.json().version,
      disabled: false,
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
  });

  it("tells a disabled account's owner that it is disabled, and a guesser only that the password is wrong", async () => {
    admin = await signIn(test.app, "admin"); // the previous test disabled it for a while, which ended its sessions
    const auditor = await account(admin, "auditor");
    const disabled = await admin.request("PATCH", `/api/v1/accounts/${auditor.id}`, {
      version: auditor.version,
      disabled: true,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const login = (password: string) =>
      test.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "auditor", password } });
    const owner = await login(testPassword);
    expect(refusal(owner)).toMatchObject({ status: 403, code: "account_disabled" });
    expect(refusal(owner).message).toContain("此账户已停用");
    const guesser = await login("Wrong-Password-2026");
    expect(refusal(guesser)).toMatchObject({ status: 401, code: "invalid_credentials" });
  });
});
