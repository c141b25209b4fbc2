import ExcelJS from "exceljs";
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/core/dates";
import { clock } from "../../src/core/clock";
import { inTransaction } from "../../src/db/transaction";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let organiser: Session;
let organiserTwo: Session;
let resident: Session;
let residentTwo: Session;
let admin: Session;
let organisationId: string;
let otherOrganisationId: string;
let organiserTwoPersonId: string;
let residentTwoPerson: { id: string; name: string; id_number: string };

function fields(response: { json: () => { error: { fields: Record<string, string> } } }): string[] {
  return Object.keys(response.json().error.fields);
}

function at(daysFromToday: number, time: string): string {
  return new Date(`${addDays(clock.today(), daysFromToday)}T${time}:00+08:00`).toISOString();
}

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  const persons = await database.db
    .selectFrom("persons")
    .select(["id", "name", "id_number"])
    .where("id", "not in", database.db.selectFrom("accounts").select("person_id").where("person_id", "is not", null))
    .where("birth_date", "<", "2000-01-01")
    .orderBy("id", "desc")
    .limit(2)
    .execute();
  residentTwoPerson = persons[0];
  organiserTwoPersonId = persons[1].id;
  await inTransaction(database.db, async (trx) => {
    for (const [username, role, personId] of [
      ["resident.two", "resident", persons[0].id],
      ["organiser.two", "organiser", persons[1].id],
    ] as const) {
      const created = await createAccount(
        trx,
        { actor: null, requestId: null },
        { username, displayName: username, password: demoPassword, roles: [{ role }], personId },
      );
      if (!created.ok) throw new Error(created.error.message);
    }
  });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  organiser = await signIn(app, "organiser", demoPassword);
  organiserTwo = await signIn(app, "organiser.two", demoPassword);
  resident = await signIn(app, "resident", demoPassword);
  residentTwo = await signIn(app, "resident.two", demoPassword);
  admin = await signIn(app, "programme.admin", demoPassword);
  const mine = (await organiser.request("GET", "/api/v1/participation/organiser/activities")).json();
  organisationId = mine.organisations[0].id;
  const other = await database.db
    .selectFrom("organisations")
    .select("id")
    .where("credit_code", "=", "51442000MJL000002B")
    .executeTakeFirstOrThrow();
  otherOrganisationId = other.id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function newActivity(session: Session, overrides: Record<string, unknown> = {}) {
  const response = await session.request("POST", "/api/v1/participation/activities", {
    organisationId,
    campaignCode: "gongyi",
    title: "测试活动",
    category: "general",
    place: "石岐区测试广场",
    townCode: "shiqi",
    startsAt: at(3, "09:00"),
    endsAt: at(3, "11:00"),
    capacity: 1,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

/** A past activity (recorded after the fact) with a volunteer of the given session checked in and out. */
async function pastAttendance(personId: string, from = "09:00", to = "12:00") {
  const activity = await newActivity(organiser, {
    startsAt: at(-2, "09:00"),
    endsAt: at(-2, "12:00"),
    capacity: 5,
  });
  const signupId = await inTransaction(database.db, async (trx) => {
    const row = await trx
      .insertInto("volunteer_signups" as never)
      .values({
        activity_id: activity.id,
        person_id: personId,
        town_code: sql`(select town_code from volunteer_activities where id = ${activity.id})`,
        status: "confirmed",
        queue_position: 1_000_000 + Math.floor(Math.random() * 1_000_000),
        token: `token-${activity.id}-${personId}`.slice(0, 60),
      } as never)
      .returning("id" as never)
      .executeTakeFirstOrThrow();
    return (row as { id: string }).id;
  });
  expect(
    (await organiser.request("POST", `/api/v1/participation/signups/${signupId}/check-in`, { at: at(-2, from) }))
      .statusCode,
  ).toBe(200);
  expect(
    (await organiser.request("POST", `/api/v1/participation/signups/${signupId}/check-out`, { at: at(-2, to) }))
      .statusCode,
  ).toBe(200);
  return { activityId: activity.id, signupId };
}

describe("volunteering: sign-up, waiting list, check-in and out", () => {
  it("puts the second volunteer on the waiting list and promotes them when the first cancels", async () => {
    const activity = await newActivity(organiser);
    const first = await resident.request("POST", `/api/v1/participation/activities/${activity.id}/signups`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: "confirmed", waitingPosition: null });
    expect(first.json().token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await residentTwo.request("POST", `/api/v1/participation/activities/${activity.id}/signups`);
    expect(second.json()).toMatchObject({ status: "waiting", waitingPosition: 1 });
    const again = await resident.request("POST", `/api/v1/participation/activities/${activity.id}/signups`);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("already_signed_up");
    const stranger = await residentTwo.request("POST", `/api/v1/participation/signups/${first.json().id}/cancel`);
    expect(stranger.statusCode).toBe(404);
    const cancelled = await resident.request("POST", `/api/v1/participation/signups/${first.json().id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ promoted: true, signup: { status: "cancelled", token: null } });
    const mine = (await residentTwo.request("GET", "/api/v1/participation/me")).json();
    expect(mine.signups.find((row: { activityId: string }) => row.activityId === activity.id)).toMatchObject({
      status: "confirmed",
    });
    const roster = (await organiser.request("GET", `/api/v1/participation/activities/${activity.id}/roster`)).json();
    expect(roster.items.map((row: { status: string }) => row.status)).toEqual(["confirmed"]);
  });

  it("checks in by the QR token and refuses a check-out before the check-in", async () => {
    const hour = 3_600_000;
    const activity = await newActivity(organiser, {
      startsAt: new Date(clock.now().getTime() - hour).toISOString(),
      endsAt: new Date(clock.now().getTime() + hour).toISOString(),
    });
    const signupId = await inTransaction(database.db, async (trx) => {
      const row = await trx
        .insertInto("volunteer_signups" as never)
        .values({
          activity_id: activity.id,
          person_id: residentTwoPerson.id,
          town_code: sql`(select town_code from volunteer_activities where id = ${activity.id})`,
          status: "confirmed",
          queue_position: 999,
          token: "qr-token-of-resident-two",
        } as never)
        .returning("id" as never)
        .executeTakeFirstOrThrow();
      return (row as { id: string }).id;
    });
    const wrong = await organiser.request("POST", `/api/v1/participation/activities/${activity.id}/check-in`, {
      token: "not-a-real-token-at-all",
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(["token"]);
    const byToken = await organiser.request("POST", `/api/v1/participation/activities/${activity.id}/check-in`, {
      token: "qr-token-of-resident-two",
    });
    expect(byToken.statusCode, byToken.body).toBe(200);
    const checkedIn = new Date(byToken.json().checkedInAt);
    const before = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/check-out`, {
      at: new Date(checkedIn.getTime() - 60_000).toISOString(),
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.code).toBe("checkout_before_checkin");
    expect(before.json().error.message).toContain("签退时间不能早于签到时间");
    expect(fields(before)).toEqual(["at"]);
  });

  it("keeps activities and rosters of other organisations out of an organiser's reach", async () => {
    const other = await database.db
      .selectFrom("volunteer_activities" as never)
      .select("id" as never)
      .where("organisation_id" as never, "=", otherOrganisationId as never)
      .executeTakeFirstOrThrow();
    const roster = await organiser.request(
      "GET",
      `/api/v1/participation/activities/${(other as { id: string }).id}/roster`,
    );
    expect(roster.statusCode).toBe(404);
    const publish = await organiser.request("POST", "/api/v1/participation/activities", {
      organisationId: otherOrganisationId,
      title: "不属于我的组织",
      category: "general",
      place: "小榄",
      townCode: "xiaolan",
      startsAt: at(3, "09:00"),
      endsAt: at(3, "10:00"),
      capacity: 3,
    });
    expect(publish.statusCode).toBe(403);
    expect(fields(publish)).toEqual(["organisationId"]);
  });
});

describe("volunteering: confirming hours and the ledger rules", () => {
  it("refuses hours for an activity that has not happened yet", async () => {
    const activity = await newActivity(organiser, { capacity: 3 });
    const signup = (
      await residentTwo.request("POST", `/api/v1/participation/activities/${activity.id}/signups`)
    ).json();
    const response = await organiser.request("POST", `/api/v1/participation/signups/${signup.id}/hours`, {
      hours: "1",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("activity_not_over");
    expect(response.json().error.message).toMatch(/活动尚未结束.*\(hours cannot be confirmed/);
    expect(fields(response)).toEqual(["activityId"]);
  });

  it("refuses more hours than the activity lasted, or than the volunteer attended, then confirms", async () => {
    const { signupId } = await pastAttendance(residentTwoPerson.id, "09:30", "11:00");
    const tooMany = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {
      hours: "3.01",
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe("hours_exceed_activity");
    expect(fields(tooMany)).toEqual(["hours"]);
    const moreThanAttended = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {
      hours: "2",
    });
    expect(moreThanAttended.json().error.code).toBe("hours_exceed_attendance");
    const precise = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {
      hours: "1.005",
    });
    expect(precise.json().error.code).toBe("invalid_hours");
    const confirmed = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ hours: "1.50", place: "zhongshan", confirmedBy: "organiser" });
    const twice = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {});
    expect(twice.json().error.code).toBe("hours_already_confirmed");
  });

  it("refuses an organiser confirming their own hours", async () => {
    const added = await admin.request("POST", `/api/v1/participation/organisations/${organisationId}/organisers`, {
      username: "organiser.two",
    });
    expect(added.statusCode, added.body).toBe(201);
    const { signupId } = await pastAttendance(organiserTwoPersonId);
    const own = await organiserTwo.request("POST", `/api/v1/participation/signups/${signupId}/hours`, { hours: "2" });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.code).toBe("own_hours");
    expect(own.json().error.message).toContain("组织者不能确认本人的志愿服务时长");
    expect(fields(own)).toEqual(["personId"]);
    const byColleague = await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, {
      hours: "2",
    });
    expect(byColleague.statusCode).toBe(201);
  });

  it("corrects by reversing entries, never more than what is left, and not a reversal itself", async () => {
    const { signupId, activityId } = await pastAttendance(residentTwoPerson.id);
    const entry = (
      await organiser.request("POST", `/api/v1/participation/signups/${signupId}/hours`, { hours: "3" })
    ).json();
    const noReason = await organiser.request("POST", `/api/v1/participation/ledger/${entry.id}/reversals`, {
      hours: "1",
      reason: "   ",
    });
    expect(fields(noReason)).toEqual(["reason"]);
    const partial = await organiser.request("POST", `/api/v1/participation/ledger/${entry.id}/reversals`, {
      hours: "2.25",
      reason: "提前离开",
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ hours: "-2.25", reversesEntryId: entry.id, reason: "提前离开" });
    const tooMuch = await organiser.request("POST", `/api/v1/participation/ledger/${entry.id}/reversals`, {
      hours: "0.76",
      reason: "再次更正",
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.code).toBe("reversal_exceeds_entry");
    expect(tooMuch.json().error.message).toContain("0.75");
    expect(fields(tooMuch)).toEqual(["hours"]);
    const ofReversal = await admin.request("POST", `/api/v1/participation/ledger/${partial.json().id}/reversals`, {
      reason: "x",
    });
    expect(ofReversal.json().error.code).toBe("reversal_of_reversal");
    const rest = await admin.request("POST", `/api/v1/participation/ledger/${entry.id}/reversals`, {
      reason: "全部冲销",
    });
    expect(rest.json().hours).toBe("-0.75");
    // The organiser's roster lists the entry and its reversals, original first, nothing edited.
    const roster = (await organiser.request("GET", `/api/v1/participation/activities/${activityId}/roster`)).json();
    expect(roster.entries.map((row: { hours: string; reversesEntryId: string | null }) => row.hours)).toEqual([
      "3.00",
      "-2.25",
      "-0.75",
    ]);
    expect(roster.entries[1].reversesEntryId).toBe(entry.id);
  });
});

describe("volunteering: the resident's hours, the import and the certificate", () => {
  it("imports outside hours row by row with a report of each bad row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("记录");
    sheet.addRow(["记录编号", "身份证号码", "姓名", "服务日期", "服务时长", "服务类别", "服务地区", "活动名称"]);
    const day = addDays(clock.today(), -30);
    const { id_number: idNumber, name } = residentTwoPerson;
    sheet.addRow(["T-1", idNumber, name, day, "2.5", "一般志愿服务", "广州市", "好"]);
    sheet.addRow(["T-2", idNumber, "别人", day, "2", "一般志愿服务", "广州市", ""]);
    sheet.addRow(["T-3", idNumber, name, day, "2", "一般志愿服务", "中山市", ""]);
    sheet.addRow(["T-4", idNumber, name, addDays(clock.today(), 5), "2", "禁毒宣传", "深圳市", ""]);
    sheet.addRow(["T-5", idNumber, name, day, "1.234", "禁毒宣传", "深圳市", ""]);
    sheet.addRow(["T-6", "123", name, day, "1", "禁毒宣传", "深圳市", ""]);
    sheet.addRow(["T-7", idNumber, name, day, "1", "跳舞", "深圳市", ""]);
    sheet.addRow(["T-1", idNumber, name, day, "1", "禁毒宣传", "深圳市", ""]);
    sheet.addRow(["T-8", idNumber, name, day, "4", "禁毒宣传", "深圳市", ""]);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const response = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "省平台.xlsx",
      xlsxBase64,
      mode: "good_rows",
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ rowsTotal: 9, rowsAccepted: 2, rowsRefused: 7, acceptedHours: "6.50" });
    expect(report.problems.map((problem: { row: number; field: string }) => [problem.row, problem.field])).toEqual([
      [3, "姓名"],
      [4, "服务地区"],
      [5, "服务日期"],
      [6, "服务时长"],
      [7, "身份证号码"],
      [8, "服务类别"],
      [9, "记录编号"],
    ]);
    const again = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "省平台.xlsx",
      xlsxBase64,
      mode: "good_rows",
    });
    expect(again.json()).toMatchObject({ rowsAccepted: 0, rowsRefused: 9 });
    const notXlsx = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "x.xlsx",
      xlsxBase64: Buffer.from("hello").toString("base64"),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(fields(notXlsx)).toEqual(["xlsxBase64"]);
  });

  it("shows the resident their hours by year, category and place, and prints the certificate", async () => {
    const mine = await resident.request("GET", "/api/v1/participation/me");
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.partyMember).toBe(true);
    expect(body.byPlace.map((row: { place: string }) => row.place).sort()).toEqual(["guangdong_other", "zhongshan"]);
    expect(body.byCategory.map((row: { category: string }) => row.category)).toEqual(
      expect.arrayContaining(["general", "anti_drug", "safety_publicity"]),
    );
    expect(body.byYear.length).toBeGreaterThanOrEqual(1);
    const sum = body.rows.reduce(
      (total: number, row: { hours: string }) => total + Math.round(Number(row.hours) * 100),
      0,
    );
    expect((sum / 100).toFixed(2)).toBe(body.totalHours);
    const pdf = await resident.request("GET", "/api/v1/participation/me/certificate");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("volunteering: campaign figures", () => {
  it("shows a campaign's participants, hours and Party-member share publicly, naming nobody", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/participation/campaigns/jindu/figures" });
    expect(response.statusCode).toBe(200);
    const figures = response.json();
    const typed = (
      await sql<{
        personId: string;
        hundredths: number;
        party: boolean | null;
      }>`select l.person_id as "personId", l.hundredths, v.party_member as party from volunteer_ledger l join participation_campaigns c on c.id = l.campaign_id left join volunteer_profiles v on v.person_id = l.person_id where c.code = 'jindu'`.execute(
        database.db,
      )
    ).rows;
    const persons = new Set(typed.map((row) => row.personId));
    const partyPersons = new Set(typed.filter((row) => row.party).map((row) => row.personId));
    const total = typed.reduce((sum, row) => sum + row.hundredths, 0);
    expect(figures).toMatchObject({
      name: "全民禁毒",
      participants: persons.size,
      partyMemberParticipants: partyPersons.size,
      hours: (total / 100).toFixed(2),
    });
    expect(figures.participants).toBeGreaterThan(1);
    expect(figures.partyMemberShare).toBe(((partyPersons.size * 100) / persons.size).toFixed(1));
    expect(response.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe("volunteering: the ledger feeds the points scheme", () => {
  it("rescores the resident's application when hours land in the ledger, naming the entries behind the indicator", async () => {
    const enrolled = await resident.request("POST", "/api/v1/points/enrolments", {
      residencePermitNumber: "GD4420123456",
      workStartedOn: "2012-03-01",
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const cycle = await database.db
      .selectFrom("points_cycles" as never)
      .select("id" as never)
      .executeTakeFirstOrThrow();
    const applied = await resident.request("POST", "/api/v1/points/applications", {
      enrolmentId: enrolled.json().id,
      cycleId: (cycle as { id: string }).id,
      purpose: "housing",
      conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const caseFile = async () =>
      (await resident.request("GET", "/api/v1/points/me")).json() as {
        volunteerLedger: { fact: string; value: number; entries: { id: string }[] }[];
        applications: { id: string; total: number; history: { reason: string }[] }[];
      };
    const before = await caseFile();
    const general = (file: Awaited<ReturnType<typeof caseFile>>) =>
      file.volunteerLedger.find((fact) => fact.fact === "volunteer_hours_5y")!;
    // The demo: 3 + 3.5 hours confirmed at activities and 6 imported within five years (12.5: 12 whole hours).
    expect(general(before).value).toBe(12);
    const person = await database.db
      .selectFrom("persons")
      .innerJoin("accounts", "accounts.person_id", "persons.id")
      .select(["persons.name", "persons.id_number"])
      .where("accounts.username", "=", "resident")
      .executeTakeFirstOrThrow();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("记录");
    sheet.addRow(["记录编号", "身份证号码", "姓名", "服务日期", "服务时长", "服务类别", "服务地区", "活动名称"]);
    for (const [index, days] of [50, 51, 52, 53].entries())
      sheet.addRow([
        `P-${index}`,
        person.id_number,
        person.name,
        addDays(clock.today(), -days),
        "11",
        "一般志愿服务",
        "江门市",
        "",
      ]);
    const imported = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "points.xlsx",
      xlsxBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64"),
    });
    expect(imported.json()).toMatchObject({ rowsAccepted: 4 });
    const after = await caseFile();
    expect(general(after).value).toBe(general(before).value + 44);
    expect(general(after).entries).toHaveLength(general(before).entries.length + 4);
    const old = before.applications.find((row) => row.id === applied.json().id)!;
    const now = after.applications.find((row) => row.id === applied.json().id)!;
    expect(Math.round((now.total - old.total) * 100)).toBe(200);
    expect(now.history.at(-1)!.reason).toContain("导入省内其他地市志愿服务时长");
  });
});
