// How the audit log names points records: an enrolment by its person, a fact by its indicator and person, a cycle by title.
import { maskName } from "../../core/masking";
import type { RecordNamer } from "../../platform/audit/audit.describe";
import { labelOf } from "../../platform/labels/labels";
import { pointsDb } from "./points.tables";

const enrolmentNames: RecordNamer = async (executor, ids, { full }) => {
  const rows = await pointsDb(executor)
    .selectFrom("points_enrolments")
    .innerJoin("persons", "persons.id", "points_enrolments.person_id")
    .select(["points_enrolments.id as id", "persons.name as name"])
    .where("points_enrolments.id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, full ? row.name : maskName(row.name)]));
};

const factNames: RecordNamer = async (executor, ids, { full }) => {
  const rows = await pointsDb(executor)
    .selectFrom("points_facts")
    .innerJoin("points_enrolments", "points_enrolments.id", "points_facts.enrolment_id")
    .innerJoin("persons", "persons.id", "points_enrolments.person_id")
    .select(["points_facts.id as id", "points_facts.fact as fact", "persons.name as name"])
    .where("points_facts.id", "in", [...ids])
    .execute();
  return new Map(
    rows.map((row) => [row.id, `${labelOf("pointsFact", row.fact)}（${full ? row.name : maskName(row.name)}）`]),
  );
};

const applicationNames: RecordNamer = async (executor, ids, { full }) => {
  const rows = await pointsDb(executor)
    .selectFrom("points_applications")
    .innerJoin("persons", "persons.id", "points_applications.person_id")
    .select(["points_applications.id as id", "persons.name as name"])
    .where("points_applications.id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, full ? row.name : maskName(row.name)]));
};

const cycleTitles: RecordNamer = async (executor, ids) => {
  const rows = await pointsDb(executor)
    .selectFrom("points_cycles")
    .select(["id", "title"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.title]));
};

/** The points module's record names for audit sentences. */
export const pointsRecordNames = {
  points_enrolment: enrolmentNames,
  points_fact: factNames,
  points_application: applicationNames,
  points_cycle: cycleTitles,
};
