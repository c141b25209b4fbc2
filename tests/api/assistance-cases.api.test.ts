import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { inTransactionWhenOk } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import { answerObjection, findObjection, raiseObjection } from "../../src/platform/publicity/publicity.objections";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { registryModule } from "../../src/modules/registry/manifest";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session, type TestWorld } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold, throughTown } from "./assistance.fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
let clerk: Session;
let clerkXiaolan: Session;
let admin: Session;
let resident: Session;
let auditor: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  clerk = await signIn(app, "clerk");
  clerkXiaolan = await signIn(app, "clerkxiaolan");
  admin = await signIn(app, "programmeadmin");
  resident = await signIn(app, "resident");
  auditor = await signIn(app, "auditor");
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("assistance cases: application and bad input", () => {
  it("accepts a counter application and computes the amount from the standard in force (1120, 2021)", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [
      { name: "陈大文" },
      { name: "林小红", relationship: "spouse" },
      { name: "陈小明" },
    ]);
    const response = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, ["500", 0, "0"], { categories: [[], [], ["minor", "student"]] }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.state).toBe("submitted");
    expect(body.channel).toBe("counter");
    // 1120 × 3 − 500 = 2860; one supplement of 448 for the child however many categories apply.
    expect(body.eligibility).toMatchObject({
      eligible: true,
      dibaoYuan: "2860.00",
      supplementYuan: "448.00",
      totalYuan: "3308.00",
    });
    expect(body.members).toHaveLength(3);
    expect(body.members[0].idNumber).not.toContain("*");
    expect(body.timeline[0].kind).toBe("submitted");
    expect(await countAudit(database.db, "assistance.case.submitted")).toBe(1);

    const again = await clerk.request("POST", "/api/v1/assistance/cases", caseBody(householdId, personIds, [0, 0, 0]));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("case_open");
    expect((await clerkXiaolan.request("GET", `/api/v1/assistance/cases/${body.id}`)).statusCode).toBe(404);
    expect((await auditor.request("GET", `/api/v1/assistance/cases/${body.id}`)).statusCode).toBe(200);
    expect(
      (
        await auditor.request("POST", `/api/v1/assistance/cases/${body.id}/reviews`, {
          reviewedOn: daysAgo(0),
          findings: "x",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("refuses bad input naming the field, and marks assets over the limit ineligible with the rule", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "黄一" }, { name: "黄二" }]);
    const post = (body: unknown) => clerk.request("POST", "/api/v1/assistance/cases", body);
    const negative = await post(caseBody(householdId, personIds, ["-1", 0]));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toHaveProperty("members.0.monthlyIncomeYuan");
    const text = await post(caseBody(householdId, personIds, ["abc", 0]));
    expect(text.json().error.fields).toHaveProperty("members.0.monthlyIncomeYuan");
    const precise = await post(caseBody(householdId, personIds, ["1.005", 0]));
    expect(precise.json().error.fields).toHaveProperty("members.0.monthlyIncomeYuan");
    const category = await post(caseBody(householdId, personIds, [0, 0], { categories: [[], ["astronaut"]] }));
    expect(category.json().error).toMatchObject({ code: "unknown_category" });
    expect(category.json().error.fields).toHaveProperty("members.1.categories.0");
    const other = await makeHousehold(clerk, "shiqi", [{ name: "别户" }]);
    const twoHouseholds = await post(caseBody(householdId, [personIds[0], other.personIds[0]], [0, 0]));
    expect(twoHouseholds.json().error.code).toBe("member_in_other_household");
    expect(twoHouseholds.json().error.fields).toHaveProperty("members.1.personId");
    const missing = await post(caseBody(householdId, [personIds[0]], [0]));
    expect(missing.json().error.code).toBe("member_missing");
    const foreign = await clerkXiaolan.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [0, 0]),
    );
    expect(foreign.statusCode).toBe(404);
    // 24 × 1120 × 2 = 53,760 yuan is the limit.
    const rich = await post(caseBody(householdId, personIds, [0, 0], { assetsYuan: "53760.01" }));
    expect(rich.statusCode).toBe(201);
    expect(rich.json().eligibility.eligible).toBe(false);
    expect(rich.json().eligibility.totalYuan).toBe("0.00");
    expect(rich.json().eligibility.reasons[0]).toMatchObject({ rule: "asset_test" });
    expect(rich.json().eligibility.reasons[0].reference).toContain("asset_limit_months");
    expect(await countAudit(database.db, "assistance.case.submitted")).toBe(2);
  });

  it("lets a resident apply online for their own household only", async () => {
    const own = await makeHousehold(clerk, "shiqi", [{ name: "居民家属" }]);
    const added = await clerk.request("POST", `/api/v1/households/${own.householdId}/members`, {
      personId: world.persons.shiqi,
      relationship: "spouse",
    });
    expect(added.statusCode).toBe(201);
    const online = await resident.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(own.householdId, [own.personIds[0], world.persons.shiqi], [300, 0]),
    );
    expect(online.statusCode, online.body).toBe(201);
    expect(online.json().channel).toBe("online");
    const mine = await resident.request("GET", "/api/v1/assistance/my-cases");
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([online.json().id]);
    const stranger = await makeHousehold(clerk, "shiqi", [{ name: "陌生人" }]);
    const refused = await resident.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(stranger.householdId, stranger.personIds, [0]),
    );
    expect(refused.statusCode).toBe(404);
    expect((await resident.request("GET", "/api/v1/assistance/cases")).statusCode).toBe(403);
  });
});

describe("assistance cases: deadlines", () => {
  it("lists a case past its town-opinion deadline as overdue and flags a late opinion", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "郑一" }]);
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [0], { submittedOn: daysAgo(45) }),
    );
    const id = created.json().id as string;
    expect(created.json().deadlines.townOpinionDueOn < daysAgo(0)).toBe(true);
    const overdue = await clerk.request("GET", "/api/v1/assistance/cases?overdue=true");
    expect(overdue.json().items.map((item: { id: string }) => item.id)).toContain(id);
    const ready = await throughTown(clerk, id, { investigated: 40, appraised: 39, opinion: 1 });
    expect(ready.timeline.at(-1)).toMatchObject({ kind: "town_opinion", details: { late: true } });
    // The timeline reads in date order, each step by the officer's display name.
    const dates = (ready.timeline as { onDate: string }[]).map((event) => event.onDate);
    expect(dates).toEqual([...dates].sort());
    const me = (await clerk.request("GET", "/api/v1/auth/me")).json();
    expect(ready.timeline.at(-1).actorName).toBe(me.user.displayName);
    const still = await clerk.request("GET", "/api/v1/assistance/cases?overdue=true");
    expect(still.json().items.map((item: { id: string }) => item.id)).not.toContain(id);
  });
});

describe("assistance cases: the procedure", () => {
  it("runs investigation, appraisal (2/3 rules), town opinion, publicity and one approval under concurrency", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "周一" }, { name: "周二" }]);
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [600, 0], { submittedOn: daysAgo(40) }),
    );
    const id = created.json().id as string;
    const early = await admin.request("POST", `/api/v1/assistance/cases/${id}/decision`, {
      version: created.json().version,
      decision: "approved",
      decidedOn: daysAgo(0),
    });
    expect(early.json().error.code).toBe("invalid_state");
    await clerk.request("POST", `/api/v1/assistance/cases/${id}/investigation`, {
      homeVisit: { by: "王社工", on: daysAgo(38), findings: "入户核查" },
      neighbourVisits: [],
      dataChecks: [{ source: "银行存款查询", on: daysAgo(37), findings: "存款 2000 元" }],
    });
    const invalid = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appraisal`, {
      heldOn: daysAgo(35),
      members: 9,
      present: 5,
      agree: 5,
      minutes: "出席不足",
    });
    expect(invalid.json().state).toBe("investigated");
    expect(invalid.json().timeline.at(-1)).toMatchObject({ kind: "appraisal_invalid", details: { quorum: false } });
    const tooMany = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appraisal`, {
      heldOn: daysAgo(35),
      members: 9,
      present: 7,
      agree: 8,
      minutes: "x",
    });
    expect(tooMany.json().error.fields).toHaveProperty("agree");
    const future = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appraisal`, {
      heldOn: daysAgo(-3),
      members: 9,
      present: 7,
      agree: 6,
      minutes: "x",
    });
    expect(future.json().error.code).toBe("date_in_future");
    const valid = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appraisal`, {
      heldOn: daysAgo(34),
      members: 9,
      present: 6,
      agree: 4,
      minutes: "评议通过",
    });
    expect(valid.json().state).toBe("appraised");
    await clerk.request("POST", `/api/v1/assistance/cases/${id}/town-opinion`, {
      givenOn: daysAgo(33),
      recommend: true,
      opinion: "同意",
    });
    const publicised = await clerk.request("POST", `/api/v1/assistance/cases/${id}/publicity`, {
      startOn: daysAgo(30),
    });
    expect(publicised.statusCode, publicised.body).toBe(200);
    const shown = publicised.json();
    expect(shown.state).toBe("publicised");
    expect(shown.deadlines.publicityEndOn > shown.deadlines.publicityStartOn).toBe(true);
    const entries = await database.db
      .selectFrom("publicity_entries" as never)
      .selectAll()
      .where("subject_id" as never, "=", id as never)
      .execute();
    expect(entries).toHaveLength(1);
    expect((entries[0] as { masked_id_number: string }).masked_id_number).toContain("*");

    const noReason = await admin.request("POST", `/api/v1/assistance/cases/${id}/decision`, {
      version: shown.version,
      decision: "refused",
      decidedOn: daysAgo(0),
    });
    expect(noReason.json().error.fields).toHaveProperty("reason");
    const [first, second] = await Promise.all([
      admin.request("POST", `/api/v1/assistance/cases/${id}/decision`, {
        version: shown.version,
        decision: "approved",
        decidedOn: daysAgo(0),
      }),
      admin.request("POST", `/api/v1/assistance/cases/${id}/decision`, {
        version: shown.version,
        decision: "approved",
        decidedOn: daysAgo(0),
      }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const approved = first.statusCode === 200 ? first.json() : second.json();
    expect(approved.state).toBe("active");
    expect(approved.decisionLate).toBe(true);
    expect(approved.startMonth).toBe(daysAgo(0).slice(0, 7));
    expect(approved.deadlines.nextReviewOn > daysAgo(0)).toBe(true);
    expect(await countAudit(database.db, "assistance.case.approved")).toBe(1);
    // The month's approved list names its 镇区, so the lists of the 24 镇区 are told apart on the public page.
    const month = daysAgo(0).slice(0, 7);
    const published = (await database.db
      .selectFrom("publicity_lists" as never)
      .select("title" as never)
      .where("kind" as never, "=", "assistance.approved" as never)
      .where("town_code" as never, "=", "shiqi" as never)
      .execute()) as { title: string }[];
    expect(published.map((item) => item.title)).toContain(
      `石岐区最低生活保障对象名单（${month.slice(0, 4)}年${Number(month.slice(5))}月）`,
    );
    const list = await clerk.request("GET", "/api/v1/assistance/cases?state=active");
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await clerkXiaolan.request("GET", "/api/v1/assistance/cases?state=active")).json().total).toBe(0);
  });

  it("holds an approval while an objection raised during the publicity is not answered", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "冯一" }]);
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [0], { submittedOn: daysAgo(30) }),
    );
    const ready = await throughTown(clerk, created.json().id, {
      investigated: 29,
      appraised: 28,
      opinion: 27,
      publicity: 25,
    });
    const entry = (await database.db
      .selectFrom("publicity_entries" as never)
      .select("id" as never)
      .where("list_id" as never, "=", ready.publicityListId as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const residentActor = (await loadActor(database.db, world.accounts.resident))!;
    const raised = await inTransactionWhenOk(database.db, (trx) =>
      raiseObjection(
        trx,
        { actor: residentActor, requestId: null },
        { listId: ready.publicityListId, entryId: entry.id, reason: "该户有经营收入未申报" },
        ready.deadlines.publicityStartOn,
      ),
    );
    expect(raised.ok).toBe(true);
    const held = await admin.request("POST", `/api/v1/assistance/cases/${ready.id}/decision`, {
      version: ready.version,
      decision: "approved",
      decidedOn: daysAgo(0),
    });
    expect(held.json().error).toMatchObject({ code: "objection_pending", fields: { decision: expect.any(String) } });
    const adminActor = (await loadActor(database.db, world.accounts.programmeAdmin))!;
    const answered = await inTransactionWhenOk(database.db, async (trx) =>
      answerObjection(
        trx,
        { actor: adminActor, requestId: null },
        (await findObjection(trx, raised.ok ? raised.value.id : ""))!,
        { decision: "rejected", answer: "经核查，该户无经营收入" },
        daysAgo(0),
      ),
    );
    expect(answered.ok, JSON.stringify(answered)).toBe(true);
    const approved = await admin.request("POST", `/api/v1/assistance/cases/${ready.id}/decision`, {
      version: ready.version,
      decision: "approved",
      decidedOn: daysAgo(0),
    });
    expect(approved.json().state).toBe("active");
  });

  it("refuses in writing, accepts an appeal within the time allowed, and dismisses it", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "吴一" }]);
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [100], { submittedOn: daysAgo(30) }),
    );
    const id = created.json().id as string;
    const ready = await throughTown(clerk, id, { investigated: 29, appraised: 28, opinion: 27, publicity: 25 });
    const refused = await admin.request("POST", `/api/v1/assistance/cases/${id}/decision`, {
      version: ready.version,
      decision: "refused",
      decidedOn: daysAgo(1),
      reason: "家庭实际收入高于申报",
    });
    expect(refused.json()).toMatchObject({ state: "refused", decisionReason: "家庭实际收入高于申报" });
    const unknownFile = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appeal`, {
      filedOn: daysAgo(0),
      reason: "收入证明有误，申请复核",
      fileIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknownFile.json().error).toMatchObject({
      code: "unknown_file",
      fields: { "fileIds.0": expect.any(String) },
    });
    expect(
      (
        await clerk.request("POST", `/api/v1/assistance/cases/${id}/appeal`, {
          filedOn: daysAgo(0),
          reason: "收入证明有误，申请复核",
          fileIds: ["x"],
        })
      ).statusCode,
    ).toBe(400);
    const appealed = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appeal`, {
      filedOn: daysAgo(0),
      reason: "收入证明有误，申请复核",
    });
    expect(appealed.json().state).toBe("appealed");
    const dismissed = await admin.request("POST", `/api/v1/assistance/cases/${id}/appeal-decision`, {
      version: appealed.json().version,
      outcome: "dismissed",
      decidedOn: daysAgo(0),
      reason: "复核维持原决定",
    });
    expect(dismissed.json().state).toBe("refused");
    const late = await clerk.request("POST", `/api/v1/assistance/cases/${id}/appeal`, {
      filedOn: daysAgo(0),
      reason: "再次提出申诉请求",
    });
    expect(late.json().error.code).toBe("appeal_too_late");
  });
});
