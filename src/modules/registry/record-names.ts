// How the audit log names registry records: a person by name, a household by its head, an organisation by name.
import { maskName } from "../../core/masking";
import type { RecordNamer } from "../../platform/audit/audit.describe";

const personNames: RecordNamer = async (executor, ids, { full }) => {
  const rows = await executor
    .selectFrom("persons")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, full ? row.name : maskName(row.name)]));
};

const householdNames: RecordNamer = async (executor, ids, { full }) => {
  const rows = await executor
    .selectFrom("households")
    .leftJoin("persons", "persons.id", "households.head_person_id")
    .select(["households.id as id", "persons.name as name"])
    .where("households.id", "in", [...ids])
    .execute();
  return new Map(
    rows
      .filter((row) => row.name)
      .map((row) => [row.id, `（户主 ${full ? row.name! : maskName(row.name!)}）`] as [string, string]),
  );
};

const organisationNames: RecordNamer = async (executor, ids) => {
  const rows = await executor
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
};

/** The registry's record names for audit sentences. */
export const registryRecordNames = {
  person: personNames,
  household: householdNames,
  organisation: organisationNames,
};
