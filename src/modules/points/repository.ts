/** Reads of the points module's records. */
import type { Executor } from "../../db/transaction";
import { pointsDb } from "./points.tables";

/** An enrolment with the person's registry data it needs. */
export async function findEnrolment(executor: Executor, id: string) {
  return pointsDb(executor)
    .selectFrom("points_enrolments as e")
    .innerJoin("persons as p", "p.id", "e.person_id")
    .select([
      "e.id",
      "e.person_id",
      "e.town_code",
      "e.residence_permit_number",
      "e.work_started_on",
      "e.enrolled_on",
      "e.status",
      "e.barred_reason",
      "e.barred_on",
      "e.version",
      "p.name",
      "p.id_number",
      "p.birth_date",
      "p.gender",
      "p.hukou_type",
    ])
    .where("e.id", "=", id)
    .executeTakeFirst();
}

/** The enrolment record as the module uses it. */
export type EnrolmentRecord = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

/** The enrolment of a person, if any. */
export async function findEnrolmentOfPerson(executor: Executor, personId: string) {
  const row = await pointsDb(executor)
    .selectFrom("points_enrolments")
    .select("id")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row ? findEnrolment(executor, row.id) : undefined;
}

/** The current facts of an enrolment. */
export async function findFacts(executor: Executor, enrolmentId: string) {
  return pointsDb(executor)
    .selectFrom("points_facts")
    .selectAll()
    .where("enrolment_id", "=", enrolmentId)
    .orderBy("fact")
    .execute();
}

/** One fact row. */
export type FactRecord = Awaited<ReturnType<typeof findFacts>>[number];

/** One fact by id. */
export async function findFact(executor: Executor, id: string) {
  return pointsDb(executor).selectFrom("points_facts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One cycle by id. */
export async function findCycle(executor: Executor, id: string) {
  return pointsDb(executor).selectFrom("points_cycles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A cycle record. */
export type CycleRecord = NonNullable<Awaited<ReturnType<typeof findCycle>>>;

/** One application by id. */
export async function findApplication(executor: Executor, id: string) {
  return selectApplications(executor).where("a.id", "=", id).executeTakeFirst();
}

/** Applications with the name of the community each names (school applications). */
export function selectApplications(executor: Executor) {
  return pointsDb(executor)
    .selectFrom("points_applications as a")
    .leftJoin("communities as c", "c.id", "a.community_id")
    .selectAll("a")
    .select("c.name as community_name");
}

/** An application record. */
export type ApplicationRecord = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** One run by id. */
export async function findRun(executor: Executor, id: string) {
  return pointsDb(executor).selectFrom("points_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A run record. */
export type RunRecord = NonNullable<Awaited<ReturnType<typeof findRun>>>;
