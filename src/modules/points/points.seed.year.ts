/**
 * A points year for the demo: hundreds of enrolments of the registry's working-age migrants in every 镇区 but
 * 石岐区, their facts in every state, applications in the open cycle and in the previous one, and the previous
 * cycle ranked, publicised, objected to, corrected, republished and finalised.
 *
 * What is the same for every row goes in bulk (multi-row inserts, scored by the module's own `computeScore` with
 * the same facts a command would count, one audit entry per bulk step). What a person does step by step goes
 * through the module's commands with the clock set to the day it happened: the ranking runs, the publication,
 * the objections and their answers, the department's correction, the final list, and one resident's whole file
 * (`resident.xiaolan`). Every date is planned from today with the working-day calendar, so the demo loads on any
 * day of the year; every value comes from the seeded generator, so it is the same on every load.
 *
 * 石岐区 is left out on purpose: its demo resident (`resident`) and clerk try the whole cycle by hand from the first
 * enrolment (docs/demo-accounts.md), and the browser test of the cycle does the same.
 */
import { addWorkingDays, isWorkingDay } from "../../core/calendar";
import { withClock } from "../../core/clock";
import { addDays, ageInFullYears } from "../../core/dates";
import { generateIdNumber } from "../../core/id-number";
import type { Insertable } from "kysely";
import type { Trx } from "../../db/transaction";
import { SeededRandom } from "../../demo/random";
import { demoName } from "../../demo/names";
import { createAccount } from "../../platform/accounts/accounts.commands";
import { loadActor } from "../../platform/accounts/accounts.repository";
import { audit, type CommandContext } from "../../platform/commands/context";
import { answerObjection, forwardObjection, raiseObjection } from "../../platform/publicity/publicity.objections";
import type { SeedOptions } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { applyForPurpose } from "./commands/application";
import { enrol } from "./commands/enrolment";
import { declareFact, decideFact, sendFact } from "./commands/facts";
import { finaliseRun, publicityDays, publishRun, runRanking } from "./commands/ranking";
import { computeScore } from "./commands/scores";
import {
  pointsDb,
  type ApplicationsTable,
  type EnrolmentsTable,
  type FactsTable,
  type MessagesTable,
  type ScoreHistoryTable,
} from "./points.tables";
import { findCycle, findEnrolmentOfPerson, findFacts, findRun, type CycleRecord } from "./repository";

/** The password of the accounts this seed adds (the demo password, docs/demo-accounts.md). */
const demoPassword = "Gongzhi-2026!";

/** The accounts the points year adds: a resident of 小榄镇 with a whole file, and two departments' verifiers. */
export const pointsDemoAccounts = [
  {
    username: "resident.xiaolan",
    displayName: "居民（小榄镇示例）",
    roles: [{ role: "resident" as const }],
  },
  {
    username: "verifier.hr",
    displayName: "市人力资源社会保障局核查员",
    roles: [{ role: "verifier" as const, departmentCode: "human_resources_social_security" }],
  },
  {
    username: "verifier.migrant",
    displayName: "市流动人口管理办公室核查员",
    roles: [{ role: "verifier" as const, departmentCode: "migrant_office" }],
  },
];

type Facts = Record<string, unknown>;
type FactStatus = "declared" | "confirmed" | "with_department" | "corrected" | "rejected";

interface PlannedFact {
  fact: string;
  value: unknown;
  status: FactStatus;
  /** For a correction: the value the resident declared (the stored value is the department's). */
  declared?: unknown;
}

const insuranceFields = ["pension", "medical", "unemployment", "injury", "maternity"] as const;

function counts(years: number): Record<string, number> {
  return Object.fromEntries(insuranceFields.map((field) => [field, years]));
}

/** The working day on or after a date. */
function workingDayFrom(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

/** The working day on or before a date. */
function workingDayUntil(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, -1);
}

/** A day between two dates (inclusive), from the generator. */
function dayBetween(random: SeededRandom, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, random.integer(0, span));
}

/** The facts of one demo enrolment: the values a migrant of that age would have, each in a state. */
function planFacts(random: SeededRandom, permitYears: number, insuranceYears: number, variant: number): PlannedFact[] {
  const education = random.pick([
    "junior_secondary",
    "junior_secondary",
    "senior_secondary",
    "senior_secondary",
    "senior_secondary",
    "college",
    "college",
    "bachelor_or_above",
  ]);
  const facts: PlannedFact[] = [
    { fact: "education", value: education, status: "confirmed" },
    { fact: "residence_permit_years", value: permitYears, status: "confirmed" },
    { fact: "insurance_years_guangdong", value: counts(insuranceYears + random.integer(0, 2)), status: "confirmed" },
    { fact: "insurance_years_zhongshan", value: counts(insuranceYears), status: "confirmed" },
    { fact: "marital_status", value: random.chance(0.8) ? "married" : "unmarried", status: "confirmed" },
  ];
  if (random.chance(0.35))
    facts.push({
      fact: "qualification",
      value: random.pick(["level_5", "level_4", "level_4", "level_3"]),
      status: "confirmed",
    });
  if (random.chance(0.2)) facts.push({ fact: "blood_cc_5y", value: random.pick([200, 400, 600]), status: "confirmed" });
  // The states a year leaves behind: most facts checked at the counter; some waiting for the 镇区, some with the
  // department (the education bureau's queue is left to the walk through in 石岐区), some corrected or refused.
  // One enrolment in twelve of each kind, in turn, so that every state is there however small the population.
  const roll = ((variant % 12) + 0.5) / 12;
  const last = (name: string) => facts.find((fact) => fact.fact === name)!;
  if (roll < 1 / 12) {
    facts.push({ fact: "provident_fund_months", value: random.integer(6, 60), status: "declared" });
  } else if (roll < 2 / 12) {
    const held = facts.findIndex((fact) => fact.fact === "qualification");
    if (held >= 0) facts.splice(held, 1);
    facts.push({ fact: "qualification", value: "level_4", status: "with_department" });
  } else if (roll < 3 / 12) {
    last("residence_permit_years").status = "with_department";
  } else if (roll < 4 / 12) {
    const fact = last("residence_permit_years");
    fact.declared = permitYears + 2;
    fact.status = "corrected";
  } else if (roll < 5 / 12) {
    facts.push({ fact: "talent", value: "town", status: "rejected" });
  }
  return facts;
}

/** The facts that count for a score (confirmed or corrected), with the birth date from the registry. */
function countingFacts(planned: PlannedFact[], birthDate: string): Facts {
  const facts: Facts = { birth_date: birthDate };
  for (const fact of planned)
    if (fact.status === "confirmed" || fact.status === "corrected") facts[fact.fact] = fact.value;
  return facts;
}

const factReasons: Record<string, string> = {
  corrected: "按居住证办理记录更正办理年限（示例）",
  rejected: "未能提供有效证明材料，不予认定（示例）",
};

interface Person {
  id: string;
  name: string;
  id_number: string;
  birth_date: string;
  gender: string;
  town_code: string;
  community_id: string | null;
}

interface PlannedApplication {
  purpose: "school" | "hukou" | "housing";
  grade: "primary_1" | "junior_1" | null;
}

/** The quotas of the previous cycle, sized to the demo's applicants (about three places for four applicants). */
async function sizePreviousQuotas(trx: Trx, cycle: CycleRecord): Promise<void> {
  const db = pointsDb(trx);
  const applied = await db
    .selectFrom("points_applications")
    .select(["purpose", "town_code", "grade", (eb) => eb.fn.countAll<string>().as("n")])
    .where("cycle_id", "=", cycle.id)
    .where("purpose", "in", ["school", "hukou"])
    .groupBy(["purpose", "town_code", "grade"])
    .execute();
  await db.deleteFrom("points_quotas").where("cycle_id", "=", cycle.id).execute();
  if (applied.length === 0) return;
  await db
    .insertInto("points_quotas")
    .values(
      applied.map((row) => ({
        cycle_id: cycle.id,
        purpose: row.purpose,
        town_code: row.town_code,
        grade: row.grade ?? "",
        places: Math.max(1, Math.floor((Number(row.n) * 3) / 4)),
        synthetic: true,
        source: "合成：按示例申请人数的四分之三设定（演示）",
      })),
    )
    .execute();
  const housing = await db
    .selectFrom("points_applications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("cycle_id", "=", cycle.id)
    .where("purpose", "=", "housing")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("points_cycles")
    .set({ housing_units: Math.max(1, Math.floor((Number(housing.n) * 2) / 3)) })
    .where("id", "=", cycle.id)
    .execute();
}

/** The nearest demo schools' area: a home a short way from one of the 镇区's schools of that grade. */
function homeNear(
  random: SeededRandom,
  schools: { town_code: string; grade: string; x: number; y: number }[],
  town: string,
  grade: string,
): { x: number; y: number } {
  const candidates = schools.filter((school) => school.town_code === town && school.grade === grade);
  const school = candidates.length > 0 ? random.pick(candidates) : { x: 0, y: 0 };
  return { x: school.x + random.integer(-1500, 1500), y: school.y + random.integer(-1500, 1500) };
}

/** Seeds the points year; does nothing without the programme admin account or migrants (a bare test database). */
export async function seedPointsYear(
  trx: Trx,
  current: CycleRecord,
  previous: CycleRecord,
  today: string,
  options: SeedOptions = {},
): Promise<void> {
  const accounts = await trx
    .selectFrom("accounts")
    .select(["id", "username"])
    .where("username", "in", ["programme.admin", "clerk.xiaolan"])
    .execute();
  const adminRow = accounts.find((row) => row.username === "programme.admin");
  const clerkRow = accounts.find((row) => row.username === "clerk.xiaolan");
  if (!adminRow || !clerkRow) return;
  const admin: CommandContext = { actor: (await loadActor(trx, adminRow.id))!, requestId: null };
  const clerk: CommandContext = { actor: (await loadActor(trx, clerkRow.id))!, requestId: null };
  const db = pointsDb(trx);
  const random = new SeededRandom(20_141_106);

  // Working-age migrants outside 石岐区, in a stable order.
  const persons = (await trx
    .selectFrom("persons")
    .select(["id", "name", "id_number", "birth_date", "gender", "town_code", "community_id"])
    .where("hukou_type", "=", "migrant")
    .where("town_code", "!=", "shiqi")
    .orderBy("id_number")
    .execute()) as Person[];
  const candidates = persons.filter((person) => {
    const age = ageInFullYears(person.birth_date, previous.opens_on);
    return age >= 22 && age <= (person.gender === "female" ? 46 : 56);
  });
  if (candidates.length === 0) return;

  // One resident's whole file goes through the commands (below); pick a migrant of 小榄镇 for it.
  const showcase = candidates.find((person) => person.town_code === "xiaolan");
  const bulk = candidates.filter((person) => person !== showcase && random.chance(0.7));

  const previousEnd = previous.closes_on;
  const currentEnd = today < current.closes_on ? today : current.closes_on;
  // A school application names the applicant's community (its centre is the home) as the web form does.
  const located = new Map(
    (
      await trx
        .selectFrom("communities")
        .select(["id", "x", "y"])
        .where("x", "is not", null)
        .where("y", "is not", null)
        .execute()
    ).map((row) => [row.id, { x: row.x!, y: row.y! }]),
  );
  const schools = await db
    .selectFrom("points_schools")
    .select(["cycle_id", "town_code", "grade", "x", "y"])
    .where("cycle_id", "in", [current.id, previous.id])
    .execute();

  const enrolments: Insertable<EnrolmentsTable>[] = [];
  const factRows: Insertable<FactsTable>[] = [];
  const applicationRows: Insertable<ApplicationsTable>[] = [];
  const historyRows: Insertable<ScoreHistoryTable>[] = [];
  const messageRows: Insertable<MessagesTable>[] = [];
  const usedChildren = new Set<string>();
  const counts = { enrolments: 0, facts: 0, previous: 0, current: 0 };
  const recentFrom = addWorkingDays(workingDayUntil(today), -12);

  for (const person of bulk) {
    const enrolmentId = random.uuid();
    // Most were enrolled before the previous cycle's window closed; a quarter only this year.
    const newcomer = random.chance(0.25);
    const enrolledOn = newcomer
      ? dayBetween(random, current.opens_on, currentEnd)
      : dayBetween(random, addDays(previous.opens_on, -400), addDays(previousEnd, -60));
    const workStartedOn = addDays(enrolledOn, -random.integer(400, 3600));
    const permitYears = random.integer(1, 9);
    const insuranceYears = random.integer(1, 10);
    enrolments.push({
      id: enrolmentId,
      person_id: person.id,
      town_code: person.town_code,
      residence_permit_number: `GD${person.id_number.slice(-10)}`,
      work_started_on: workStartedOn,
      enrolled_on: enrolledOn,
      status: "enrolled",
    });
    counts.enrolments += 1;
    const planned = planFacts(random, permitYears, insuranceYears, counts.enrolments);
    for (const fact of planned) {
      const open = fact.status === "declared" || fact.status === "with_department";
      const declaredOn = open ? workingDayUntil(dayBetween(random, recentFrom, today)) : enrolledOn;
      const sent = fact.status !== "declared" && fact.status !== "confirmed";
      const sentOn = sent ? workingDayFrom(declaredOn) : null;
      const decided = fact.status === "confirmed" || fact.status === "corrected" || fact.status === "rejected";
      const decidedOn = sentOn && decided ? addWorkingDays(sentOn, 3) : decided ? declaredOn : null;
      factRows.push({
        enrolment_id: enrolmentId,
        town_code: person.town_code,
        fact: fact.fact,
        value: JSON.stringify(fact.value),
        status: fact.status,
        department_code: departmentOf[fact.fact] ?? null,
        file_ids: [],
        declared_on: declaredOn,
        // the deadlines the commands set (facts.ts): counted from the day of declaring and of sending
        forward_due: addWorkingDays(declaredOn, 5),
        sent_on: sentOn,
        check_due: sentOn ? addWorkingDays(sentOn, 5) : null,
        decided_on: decidedOn && decidedOn > today ? today : decidedOn,
        reason: factReasons[fact.status] ?? null,
      });
      counts.facts += 1;
      if (fact.status === "corrected" || fact.status === "rejected")
        messageRows.push({
          enrolment_id: enrolmentId,
          town_code: person.town_code,
          at: new Date(`${decidedOn! > today ? today : decidedOn}T10:00:00+08:00`),
          text: `您申报的指标 ${fact.fact} 经部门核查${fact.status === "corrected" ? "更正" : "不予认定"}：${factReasons[fact.status]}`,
        });
    }
    const facts = countingFacts(planned, person.birth_date);
    // One or two purposes, the same in both cycles (a family that did not get a place tries again).
    const wants: PlannedApplication[] = [];
    const age = ageInFullYears(person.birth_date, current.opens_on);
    if (age <= 45 && random.chance(0.55))
      wants.push({ purpose: "school", grade: random.chance(0.7) ? "primary_1" : "junior_1" });
    if (random.chance(0.45) && age <= (person.gender === "female" ? 46 : 56))
      wants.push({ purpose: "hukou", grade: null });
    if (wants.length === 0 || random.chance(0.2)) wants.push({ purpose: "housing", grade: null });
    for (const cycle of newcomer ? [current] : [previous, current]) {
      const end = cycle === current ? currentEnd : previousEnd;
      const from = cycle === previous && enrolledOn > cycle.opens_on ? enrolledOn : cycle.opens_on;
      for (const want of wants) {
        if (cycle === previous && random.chance(0.15)) continue;
        const appliedOn = dayBetween(random, from, end);
        const conditions =
          want.purpose === "school"
            ? {}
            : want.purpose === "hukou"
              ? { insurancePaidLastMonth: true, continuousWorkMonths: random.integer(36, 96) }
              : { insurancePaidLastMonth: true, ownsHomeInZhongshan: false };
        const score = computeScore(cycle.policy_id, {
          purpose: want.purpose,
          town: person.town_code,
          date: appliedOn,
          grade: want.grade,
          facts,
        });
        if (!score.ok) throw new Error(`points demo: ${person.name} does not score: ${score.error.message}`);
        let child: { name: string; idNumber: string } | null = null;
        if (want.purpose === "school") {
          const childAge = want.grade === "primary_1" ? 6 : 12;
          const birth = `${cycle.year - childAge}-${String(random.integer(1, 8)).padStart(2, "0")}-${String(random.integer(1, 28)).padStart(2, "0")}`;
          let sequence = random.integer(0, 998);
          let idNumber = generateIdNumber(person.id_number.slice(0, 6), birth, sequence);
          while (usedChildren.has(`${cycle.id}:${idNumber}`))
            idNumber = generateIdNumber(person.id_number.slice(0, 6), birth, ++sequence % 999);
          usedChildren.add(`${cycle.id}:${idNumber}`);
          child = { name: demoName(random, person.name.slice(0, 1)), idNumber };
        }
        const community =
          want.purpose === "school" && person.community_id ? located.get(person.community_id) : undefined;
        const home = community
          ? community
          : want.purpose === "school"
            ? homeNear(
                random,
                schools.filter((school) => school.cycle_id === cycle.id),
                person.town_code,
                want.grade!,
              )
            : null;
        const applicationId = random.uuid();
        const appliedAt = new Date(
          `${appliedOn}T${String(random.integer(9, 17)).padStart(2, "0")}:${String(random.integer(0, 59)).padStart(2, "0")}:00+08:00`,
        );
        applicationRows.push({
          id: applicationId,
          cycle_id: cycle.id,
          enrolment_id: enrolmentId,
          person_id: person.id,
          town_code: person.town_code,
          purpose: want.purpose,
          child_name: child?.name ?? null,
          child_id_number: child?.idNumber ?? null,
          grade: want.grade,
          community_id: community ? person.community_id : null,
          home_x: home?.x ?? null,
          home_y: home?.y ?? null,
          property_key: null,
          household_key: null,
          conditions: JSON.stringify(conditions),
          applied_at: appliedAt,
          applied_on: appliedOn,
          status: "accepted",
          score_total: score.value.total,
          score_subscores: JSON.stringify(score.value.subscores),
          eligible: score.value.eligible,
          policy_id: cycle.policy_id,
        });
        historyRows.push({
          application_id: applicationId,
          town_code: person.town_code,
          at: appliedAt,
          total: score.value.total,
          subscores: JSON.stringify(score.value.subscores),
          eligible: score.value.eligible,
          reason: "申请受理",
        });
        if (cycle === previous) counts.previous += 1;
        else counts.current += 1;
      }
    }
  }
  const chunk = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
    for (let start = 0; start < rows.length; start += 400) await insert(rows.slice(start, start + 400));
  };
  await chunk(enrolments, (batch) => db.insertInto("points_enrolments").values(batch).execute());
  await chunk(factRows, (batch) => db.insertInto("points_facts").values(batch).execute());
  await chunk(applicationRows, (batch) => db.insertInto("points_applications").values(batch).execute());
  await chunk(historyRows, (batch) => db.insertInto("points_score_history").values(batch).execute());
  await chunk(messageRows, (batch) => db.insertInto("points_messages").values(batch).execute());
  await audit(trx, admin, {
    action: "points.demo.load",
    entityType: "points_cycle",
    entityId: current.id,
    townCode: null,
    after: {
      note: "演示数据批量载入：人员纳入、指标事实与两个周期的申请（按计分规则计算积分）",
      enrolments: counts.enrolments,
      facts: counts.facts,
      applications: { [previous.year]: counts.previous, [current.year]: counts.current },
    },
  });
  options.onProgress?.(1, 3, "points");

  // The showcase resident: every step through the commands, each on its own day.
  if (showcase) await seedShowcase(trx, admin, clerk, showcase, current, previous, today);
  options.onProgress?.(2, 3, "points");

  await seedPreviousRanking(trx, admin, clerk, previous);
  options.onProgress?.(3, 3, "points");
}

/** Fact → department, as in resources/zhongshan/departments.csv (first by code, as `owningDepartment` picks). */
const departmentOf: Record<string, string> = {
  education: "education",
  residence_permit_years: "migrant_office",
  insurance_years_guangdong: "human_resources_social_security",
  insurance_years_zhongshan: "human_resources_social_security",
  qualification: "human_resources_social_security",
  talent: "human_resources_social_security",
  marital_status: "civil_affairs",
  blood_cc_5y: "health_family_planning",
  provident_fund_months: "housing_provident_fund",
};

function must<T>(step: string, result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`points demo seed, step "${step}": ${result.error.message}`);
  return result.value;
}

/**
 * `resident.xiaolan`: enrolled at the counter before the previous cycle, facts entered and one corrected by the
 * social-insurance department, an application in the previous cycle (ranked and final: her notice) and one in the
 * open cycle, plus a fact waiting at the 镇区.
 */
async function seedShowcase(
  trx: Trx,
  admin: CommandContext,
  clerk: CommandContext,
  person: Person,
  current: CycleRecord,
  previous: CycleRecord,
  today: string,
): Promise<void> {
  const created = await createAccount(
    trx,
    { actor: null, requestId: null },
    { ...pointsDemoAccounts[0], password: demoPassword, personId: person.id },
  );
  if (!created.ok) throw new Error(`points demo seed, resident.xiaolan: ${created.error.message}`);
  const verifiers: CommandContext[] = [];
  for (const account of pointsDemoAccounts.slice(1)) {
    const made = await createAccount(
      trx,
      { actor: null, requestId: null },
      { ...account, password: demoPassword, personId: null },
    );
    if (!made.ok) throw new Error(`points demo seed, ${account.username}: ${made.error.message}`);
    verifiers.push({ actor: (await loadActor(trx, made.value.id))! as Actor, requestId: null });
  }
  const migrantOffice = verifiers[1];
  const enrolDay = workingDayFrom(addDays(previous.opens_on, 20));
  const enrolment = await withClock(enrolDay, async () => {
    const done = must(
      "enrol",
      await enrol(trx, clerk, {
        personId: person.id,
        residencePermitNumber: `GD${person.id_number.slice(-10)}`,
        workStartedOn: addDays(enrolDay, -6 * 365),
      }),
    );
    for (const [fact, value] of [
      ["education", "college"],
      ["insurance_years_guangdong", counts(6)],
      ["marital_status", "married"],
    ] as const)
      must(fact, await declareFact(trx, clerk, done, { fact, value }, "clerk", previous.policy_id));
    must(
      "insurance",
      await declareFact(
        trx,
        clerk,
        done,
        { fact: "residence_permit_years", value: 5, sendToDepartment: true },
        "clerk",
        previous.policy_id,
      ),
    );
    return done;
  });
  const sentDay = addWorkingDays(enrolDay, 3);
  await withClock(sentDay, async () => {
    const facts = await findFacts(trx, enrolment.id);
    const permit = facts.find((fact) => fact.fact === "residence_permit_years")!;
    must(
      "correct permit",
      await decideFact(
        trx,
        migrantOffice,
        permit,
        { decision: "corrected", value: 4, reason: "居住证系统记录办理满4年，更正为4年（示例）" },
        previous.policy_id,
      ),
    );
  });
  const childBirth = `${previous.year - 6}-05-12`;
  const child = {
    name: `${person.name.slice(0, 1)}小雨`,
    idNumber: generateIdNumber(person.id_number.slice(0, 6), childBirth, 24),
  };
  await withClock(addWorkingDays(sentDay, 5), async () => {
    const cycle = (await findCycle(trx, previous.id))!;
    const fresh = (await findEnrolmentOfPerson(trx, person.id))!;
    must(
      "apply previous",
      await applyForPurpose(trx, clerk, fresh, cycle, {
        purpose: "school",
        child: { ...child, grade: "primary_1", attended: "none" },
        ...(await communityOrHome(trx, cycle.id, person)),
      }),
    );
  });
  // This year: the same family applies for hukou; a fact she declared last week waits for the 镇区.
  const applyDay = workingDayUntil(today < current.closes_on ? today : current.closes_on);
  await withClock(applyDay < current.opens_on ? current.opens_on : applyDay, async () => {
    const fresh = (await findEnrolmentOfPerson(trx, person.id))!;
    must(
      "apply current",
      await applyForPurpose(trx, clerk, fresh, current, {
        purpose: "hukou",
        conditions: { insurancePaidLastMonth: true, continuousWorkMonths: 60 },
      }),
    );
    const waiting = await declareFact(
      trx,
      admin,
      fresh,
      { fact: "blood_cc_5y", value: 400 },
      "clerk",
      current.policy_id,
    );
    must("blood", waiting);
  });
}

/** The showcase's home as the web form gives it: the resident's community when located, else near a school. */
async function communityOrHome(
  trx: Trx,
  cycleId: string,
  person: Person,
): Promise<{ communityId: string } | { home: { x: number; y: number } }> {
  const community = person.community_id
    ? await trx
        .selectFrom("communities")
        .select("id")
        .where("id", "=", person.community_id)
        .where("x", "is not", null)
        .executeTakeFirst()
    : undefined;
  if (community) return { communityId: community.id };
  return { home: homeOf(await schoolOf(trx, cycleId, person.town_code, "primary_1")) };
}

async function schoolOf(trx: Trx, cycleId: string, town: string, grade: string) {
  return pointsDb(trx)
    .selectFrom("points_schools")
    .select(["x", "y"])
    .where("cycle_id", "=", cycleId)
    .where("town_code", "=", town)
    .where("grade", "=", grade)
    .orderBy("name")
    .executeTakeFirst();
}

function homeOf(school: { x: number; y: number } | undefined): { x: number; y: number } {
  return { x: (school?.x ?? 0) + 420, y: (school?.y ?? 0) + 310 };
}

/**
 * The previous cycle after its window: quotas sized to its applicants, ranked and published on the first working
 * day of June, three objections (two rejected, one upheld after the department corrected the degree), ranked and
 * republished, and made final after the longest publicity (housing, 20 working days) ended.
 */
async function seedPreviousRanking(
  trx: Trx,
  admin: CommandContext,
  clerk: CommandContext,
  previous: CycleRecord,
): Promise<void> {
  const db = pointsDb(trx);
  const any = await db
    .selectFrom("points_applications")
    .select("id")
    .where("cycle_id", "=", previous.id)
    .executeTakeFirst();
  if (!any) return;
  await sizePreviousQuotas(trx, previous);
  const cycle = (await findCycle(trx, previous.id))!;
  const rankDay = workingDayFrom(`${cycle.year + 1}-06-01`);
  const first = await withClock(rankDay, async () => {
    const run = must("rank", await runRanking(trx, admin, cycle));
    return must("publish", await publishRun(trx, admin, run, cycle));
  });
  // Objections within the publicity, by the showcase resident, on 小榄镇's (or the first) school list.
  const resident = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "resident.xiaolan")
    .executeTakeFirst();
  const lists = await db
    .selectFrom("publicity_lists")
    .select(["id", "town_code", "kind"])
    .where("id", "in", first.list_ids)
    .where("kind", "=", "points.school")
    .orderBy("town_code")
    .execute();
  const sizes = await db
    .selectFrom("publicity_entries")
    .select(["list_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("list_id", "in", lists.length ? lists.map((item) => item.id) : ["00000000-0000-0000-0000-000000000000"])
    .where("rank", "is not", null)
    .groupBy("list_id")
    .execute();
  const size = (id: string) => Number(sizes.find((row) => row.list_id === id)?.n ?? 0);
  const xiaolan = lists.find((item) => item.town_code === "xiaolan");
  const list = xiaolan && size(xiaolan.id) >= 3 ? xiaolan : [...lists].sort((a, b) => size(b.id) - size(a.id))[0];
  let upheldFact: { enrolmentId: string } | null = null;
  if (resident && list) {
    const raiser: CommandContext = { actor: (await loadActor(trx, resident.id))!, requestId: null };
    const entries = await db
      .selectFrom("publicity_entries")
      .select(["id", "subject_id", "rank"])
      .where("list_id", "=", list.id)
      .where("rank", "is not", null)
      .orderBy("position")
      .limit(3)
      .execute();
    const objectDay = addWorkingDays(rankDay, 2);
    const answerDay = addWorkingDays(rankDay, 6);
    const plans = [
      { indicator: "education", reason: "该申请人学历证书真实性存疑，请核查", decision: "upheld" as const },
      {
        indicator: "residence_permit_years",
        reason: "该申请人办理居住证年限与实际居住时间不符",
        decision: "rejected" as const,
      },
      {
        indicator: "insurance_years_zhongshan",
        reason: "该申请人参保年限可能多算，请核查",
        decision: "rejected" as const,
      },
    ];
    for (const [index, entry] of entries.entries()) {
      const plan = plans[index];
      const raised = await withClock(objectDay, async () =>
        must(
          "objection",
          await raiseObjection(
            trx,
            raiser,
            { listId: list.id, entryId: entry.id, indicator: plan.indicator, reason: `${plan.reason}（示例）` },
            objectDay,
          ),
        ),
      );
      const forwarded = await withClock(objectDay, async () =>
        must("forward", await forwardObjection(trx, clerk, raised)),
      );
      const department = await departmentActor(trx, forwarded.departmentCode!, admin);
      if (plan.decision === "upheld") {
        const application = await db
          .selectFrom("points_applications")
          .select("enrolment_id")
          .where("id", "=", entry.subject_id!)
          .executeTakeFirstOrThrow();
        const facts = await findFacts(trx, application.enrolment_id);
        const degree = facts.find((fact) => fact.fact === "education" && fact.status === "confirmed");
        if (degree) {
          await withClock(addWorkingDays(objectDay, 1), async () => {
            const sent = must("send degree", await sendFact(trx, clerk, degree));
            must(
              "correct degree",
              await decideFact(
                trx,
                department,
                sent,
                { decision: "corrected", value: "junior_secondary", reason: "学信网无该学历记录，按初中认定（示例）" },
                cycle.policy_id,
              ),
            );
          });
          upheldFact = { enrolmentId: application.enrolment_id };
        }
      }
      const decision = plan.decision === "upheld" && !upheldFact ? "rejected" : plan.decision;
      await withClock(answerDay, async () =>
        must(
          "answer",
          await answerObjection(
            trx,
            department,
            forwarded,
            {
              decision,
              answer:
                decision === "upheld"
                  ? "经核查异议属实，已更正该申请人文化程度并重新排名（示例）"
                  : "经核查，申报材料真实有效，异议不成立（示例）",
            },
            answerDay,
          ),
        ),
      );
    }
  }
  // An upheld objection changed a score: rank again and republish (version 2), then publish the final list.
  let last = first;
  const republishDay = addWorkingDays(rankDay, 8);
  if (upheldFact) {
    last = await withClock(republishDay, async () => {
      const run = must("rank again", await runRanking(trx, admin, cycle));
      return must("republish", await publishRun(trx, admin, run, cycle));
    });
  }
  const finalDay = addWorkingDays(upheldFact ? republishDay : rankDay, publicityDays("housing") + 1);
  await withClock(finalDay, async () => {
    const run = (await findRun(trx, last.id))!;
    must("finalise", await finaliseRun(trx, admin, run));
  });
}

/** A verifier of the department to answer as (one of the demo's), else the programme admin. */
async function departmentActor(trx: Trx, departmentCode: string, fallback: CommandContext): Promise<CommandContext> {
  const rows = await trx
    .selectFrom("account_roles as r")
    .innerJoin("accounts as a", "a.id", "r.account_id")
    .select("a.id")
    .where("r.role", "=", "verifier")
    .where("r.department_code", "=", departmentCode)
    .orderBy("a.username")
    .execute();
  if (rows.length === 0) return fallback;
  return { actor: (await loadActor(trx, rows[0].id))!, requestId: null };
}
