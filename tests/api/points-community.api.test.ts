import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { generateIdNumber } from "../../src/core/id-number";
import { buildApp } from "../../src/http/app";
import { counterApplication, createMigrant, expectStatus } from "../../src/modules/points/points.api.fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { resetClock, setClock } from "../../src/core/clock";

// A school application names the community the family lives in (issue 15: no grid coordinates to type). The
// community's recorded centre becomes the home; placement by the nearest-school principle measures from there.

let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let admin: Session;
let cycleId = "";
const community: Record<"east" | "west" | "unlocated" | "xiaolan", string> = {
  east: "",
  west: "",
  unlocated: "",
  xiaolan: "",
};
let sequence = 0;

async function enrolAndApply(name: string, application: Record<string, unknown>) {
  sequence += 1;
  const person = await createMigrant(database.db, {
    name,
    town: "shiqi",
    birthDate: `1980-0${sequence}-15`,
    sequence: 40 + sequence,
  });
  return counterApplication(clerk, {
    personId: person.personId,
    cycleId,
    facts: { education: "college", residence_permit_years: 10 - sequence },
    application,
  });
}

const child = (day: number) => ({
  name: `子${day}`,
  idNumber: generateIdNumber("440102", `2008-09-${String(day).padStart(2, "0")}`, 21),
  grade: "primary_1",
  attended: "none",
});

beforeAll(async () => {
  setClock("2015-01-05");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  const rows = await database.db
    .insertInto("communities")
    .values([
      { town_code: "shiqi", name: "岐东社区", x: 4800, y: 200 },
      { town_code: "shiqi", name: "岐西社区", x: -300, y: 100 },
      { town_code: "shiqi", name: "岐南社区" },
      { town_code: "xiaolan", name: "小榄某社区", x: 50_000, y: 0 },
    ])
    .returning(["id", "name"])
    .execute();
  const id = (name: string) => rows.find((row) => row.name === name)!.id;
  Object.assign(community, {
    east: id("岐东社区"),
    west: id("岐西社区"),
    unlocated: id("岐南社区"),
    xiaolan: id("小榄某社区"),
  });
  app = await buildApp({ db: database.db });
  clerk = await signIn(app, "clerk");
  admin = await signIn(app, "programmeadmin");
  cycleId = expectStatus(
    await admin.request("POST", "/api/v1/points/cycles", {
      year: 2014,
      opensOn: "2014-09-01",
      closesOn: "2015-04-30",
      quotasDueOn: "2015-03-31",
    }),
    201,
  ).json().id;
  expectStatus(
    await admin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, {
      csv: "town_code,purpose,grade,places\nshiqi,school,primary_1,5\n",
    }),
    200,
  );
  expectStatus(
    await admin.request("PUT", `/api/v1/points/cycles/${cycleId}/schools`, {
      schools: [
        { name: "石岐西小", townCode: "shiqi", grade: "primary_1", seats: 5, x: 0, y: 0, synthetic: true },
        { name: "石岐东小", townCode: "shiqi", grade: "primary_1", seats: 5, x: 5000, y: 0, synthetic: true },
      ],
    }),
    200,
  );
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("a school application names the family's community", () => {
  it("lists the 镇区's communities with whether each can be chosen", async () => {
    const list = expectStatus(await app.inject({ method: "GET", url: "/api/v1/towns/shiqi/communities" }), 200).json();
    const byName = Object.fromEntries(list.map((row: { name: string; located: boolean }) => [row.name, row.located]));
    expect(byName).toMatchObject({ 岐东社区: true, 岐西社区: true, 岐南社区: false });
  });

  it("places the child in the school nearest the community, not in the first school with seats", async () => {
    const east = await enrolAndApply("东一", { purpose: "school", child: child(1), communityId: community.east });
    const west = await enrolAndApply("西一", { purpose: "school", child: child(2), communityId: community.west });
    const application = expectStatus(
      await clerk.request("GET", `/api/v1/points/applications/${east.applicationId}`),
      200,
    ).json();
    expect(application).toMatchObject({ communityId: community.east, communityName: "岐东社区" });
    const run = expectStatus(await admin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`), 201).json();
    const schools = await database.db
      .selectFrom("points_schools" as never)
      .select(["id" as never, "name" as never])
      .execute();
    const schoolName = (id: string) => (schools as { id: string; name: string }[]).find((row) => row.id === id)?.name;
    const result = (id: string) =>
      run.applications.find((item: { applicationId: string }) => item.applicationId === id);
    expect(result(east.applicationId)).toMatchObject({ outcome: "admitted", distance: 282.84 });
    expect(schoolName(result(east.applicationId).schoolId)).toBe("石岐东小");
    expect(schoolName(result(west.applicationId).schoolId)).toBe("石岐西小");
  });

  it("refuses a community it cannot place from, next to the community field, in Chinese", async () => {
    sequence += 1;
    const person = await createMigrant(database.db, {
      name: "拒一",
      town: "shiqi",
      birthDate: "1981-03-03",
      sequence: 90,
    });
    const enrolment = expectStatus(
      await clerk.request("POST", "/api/v1/points/enrolments", {
        personId: person.personId,
        residencePermitNumber: "GD4420129999",
        workStartedOn: "2010-03-01",
      }),
      201,
    ).json();
    const apply = (extra: Record<string, unknown>) =>
      clerk.request("POST", "/api/v1/points/applications", {
        enrolmentId: enrolment.id,
        cycleId,
        purpose: "school",
        child: child(3),
        ...extra,
      });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ communityId: community.xiaolan }, "community_outside_town", /请选择石岐区的社区/],
      [{ communityId: community.unlocated }, "community_not_located", /位置尚未登记.*联系石岐区办事员/],
      [{ communityId: "6f1c9c1e-0000-4000-8000-000000000000" }, "unknown_community", /没有该社区/],
      [{ communityId: community.east, home: { x: 1, y: 1 } }, "community_and_home", /只能填写一项/],
      [{}, "home_required", /请选择居住的社区/],
    ];
    for (const [extra, code, message] of cases) {
      const reply = await apply(extra);
      expect(reply.statusCode, reply.body).toBeGreaterThanOrEqual(400);
      expect(reply.statusCode).toBeLessThan(500);
      const error = reply.json().error;
      expect(error.code).toBe(code);
      expect(error.fields.communityId).toMatch(message);
    }
    const none = await clerk.request("GET", `/api/v1/points/enrolments/${enrolment.id}`);
    expect(none.json().applications).toEqual([]);
  });
});
