import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { TownScope } from "../../platform/access/scope";

/** A person row as the registry works with it, including the current household. */
export interface PersonRecord {
  id: string;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  townCode: string;
  communityId: string | null;
  address: string;
  hukouType: string;
  householdId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A household with its current members. */
export interface HouseholdRecord {
  id: string;
  townCode: string;
  communityId: string | null;
  address: string;
  headPersonId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  members: { personId: string; name: string; idNumber: string; relationship: string; since: string }[];
}

/** An organisation row. */
export interface OrganisationRecord {
  id: string;
  name: string;
  kind: string;
  creditCode: string | null;
  townCode: string;
  address: string;
  contactPhone: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function personQuery(executor: Executor) {
  return executor
    .selectFrom("persons as p")
    .leftJoin("household_members as m", (join) => join.onRef("m.person_id", "=", "p.id").on("m.until", "is", null))
    .select([
      "p.id",
      "p.name",
      "p.id_number as idNumber",
      "p.gender",
      "p.birth_date as birthDate",
      "p.phone",
      "p.town_code as townCode",
      "p.community_id as communityId",
      "p.address",
      "p.hukou_type as hukouType",
      "m.household_id as householdId",
      "p.version",
      "p.created_at as createdAt",
      "p.updated_at as updatedAt",
    ]);
}

/** Loads one person by id, with the current household. */
export async function findPerson(executor: Executor, id: string): Promise<PersonRecord | undefined> {
  return personQuery(executor).where("p.id", "=", id).executeTakeFirst();
}

/** Finds a person id by ID number (for duplicate checks). */
export async function findPersonIdByIdNumber(executor: Executor, idNumber: string): Promise<string | undefined> {
  const row = await executor.selectFrom("persons").select("id").where("id_number", "=", idNumber).executeTakeFirst();
  return row?.id;
}

/** How a search string is read: an exact ID number, a phone, the last 4 of an ID number, or a name. */
export function classifyQuery(q: string): "id_number" | "phone" | "id_last4" | "name" {
  const text = q.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(text)) return "id_number";
  if (/^1[3-9]\d{9}$/.test(text) || /^0\d{2,3}-?\d{7,8}$/.test(text)) return "phone";
  if (/^\d{3}[\dX]$/.test(text)) return "id_last4";
  return "name";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Searches persons in a scope by name (contains), exact ID number, phone or last 4 of the ID number. */
export async function searchPersons(
  executor: Executor,
  options: { q: string; scope: TownScope; page: number; pageSize: number },
): Promise<{ items: PersonRecord[]; total: number }> {
  const text = options.q.trim();
  const kind = classifyQuery(text);
  let query = personQuery(executor);
  if (kind === "id_number") query = query.where("p.id_number", "=", text.toUpperCase());
  else if (kind === "phone")
    query = query.where("p.phone", "=", text.startsWith("1") ? text : text.replace(/^(0\d{2,3})-?/, "$1-"));
  else if (kind === "id_last4") query = query.where(sql<string>`right(p.id_number, 4)`, "=", text.toUpperCase());
  else query = query.where("p.name", "like", `%${escapeLike(text)}%`);
  if (options.scope.kind === "towns") {
    if (options.scope.towns.length === 0) return { items: [], total: 0 };
    query = query.where("p.town_code", "in", options.scope.towns);
  }
  const countRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy("p.name")
    .orderBy("p.id")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { items, total: Number(countRow.count) };
}

/** Loads the current members of a household with their names. */
async function currentMembers(executor: Executor, householdId: string) {
  return executor
    .selectFrom("household_members as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id as personId", "p.name", "p.id_number as idNumber", "m.relationship", "m.since"])
    .where("m.household_id", "=", householdId)
    .where("m.until", "is", null)
    .orderBy("m.since")
    .orderBy("p.name")
    .execute();
}

/** Loads one household with its current members. */
export async function findHousehold(executor: Executor, id: string): Promise<HouseholdRecord | undefined> {
  const row = await executor
    .selectFrom("households")
    .select([
      "id",
      "town_code as townCode",
      "community_id as communityId",
      "address",
      "head_person_id as headPersonId",
      "version",
      "created_at as createdAt",
      "updated_at as updatedAt",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, members: await currentMembers(executor, id) };
}

/** A household search hit. */
export interface HouseholdSummaryRow {
  id: string;
  townCode: string;
  communityId: string | null;
  address: string;
  headName: string | null;
  headIdNumber: string | null;
  memberCount: number;
}

/** Searches households by address (contains), the head's name (contains) or the head's exact ID number. */
export async function searchHouseholds(
  executor: Executor,
  options: { q: string; scope: TownScope; page: number; pageSize: number },
): Promise<{ items: HouseholdSummaryRow[]; total: number }> {
  const text = options.q.trim();
  const pattern = `%${escapeLike(text)}%`;
  let query = executor
    .selectFrom("households as h")
    .leftJoin("persons as head", "head.id", "h.head_person_id")
    .where((eb) =>
      classifyQuery(text) === "id_number"
        ? eb("head.id_number", "=", text.toUpperCase())
        : eb.or([eb("h.address", "like", pattern), eb("head.name", "like", pattern)]),
    );
  if (options.scope.kind === "towns") {
    if (options.scope.towns.length === 0) return { items: [], total: 0 };
    query = query.where("h.town_code", "in", options.scope.towns);
  }
  const countRow = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const items = await query
    .select((eb) => [
      "h.id",
      "h.town_code as townCode",
      "h.community_id as communityId",
      "h.address",
      "head.name as headName",
      "head.id_number as headIdNumber",
      eb
        .selectFrom("household_members as m")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("m.household_id", "=", "h.id")
        .where("m.until", "is", null)
        .as("memberCount"),
    ])
    .orderBy("h.address")
    .orderBy("h.id")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return {
    items: items.map((item) => ({ ...item, memberCount: Number(item.memberCount ?? 0) })),
    total: Number(countRow.count),
  };
}

/** The current household membership of a person, if any. */
export async function findCurrentMembership(executor: Executor, personId: string) {
  return executor
    .selectFrom("household_members")
    .select(["id", "household_id as householdId", "relationship", "since"])
    .where("person_id", "=", personId)
    .where("until", "is", null)
    .executeTakeFirst();
}

function organisationQuery(executor: Executor) {
  return executor
    .selectFrom("organisations")
    .select([
      "id",
      "name",
      "kind",
      "credit_code as creditCode",
      "town_code as townCode",
      "address",
      "contact_phone as contactPhone",
      "version",
      "created_at as createdAt",
      "updated_at as updatedAt",
    ]);
}

/** Loads one organisation. */
export async function findOrganisation(executor: Executor, id: string): Promise<OrganisationRecord | undefined> {
  return organisationQuery(executor).where("id", "=", id).executeTakeFirst();
}

/** Searches organisations by name (contains) or exact credit code. */
export async function searchOrganisations(
  executor: Executor,
  options: { q: string; scope: TownScope; page: number; pageSize: number },
): Promise<{ items: OrganisationRecord[]; total: number }> {
  const text = options.q.trim();
  let query = organisationQuery(executor).where((eb) =>
    eb.or([eb("name", "like", `%${escapeLike(text)}%`), eb("credit_code", "=", text.toUpperCase())]),
  );
  if (options.scope.kind === "towns") {
    if (options.scope.towns.length === 0) return { items: [], total: 0 };
    query = query.where("town_code", "in", options.scope.towns);
  }
  const countRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy("name")
    .orderBy("id")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { items, total: Number(countRow.count) };
}

/** Tells whether a town code exists. */
export async function townExists(executor: Executor, code: string): Promise<boolean> {
  if (knownTowns.has(code)) return true;
  const found =
    (await executor.selectFrom("towns").select("code").where("code", "=", code).executeTakeFirst()) !== undefined;
  if (found) knownTowns.add(code);
  return found;
}
/**
 * 镇区 codes found to exist. Towns are reference data that is only ever added (loaded at every start, never
 * removed or renamed), so a code once found needs no query again; an unknown code is asked each time.
 */
const knownTowns = new Set<string>();

/** The town of a community, or undefined when the community does not exist. */
export async function communityTown(executor: Executor, id: string): Promise<string | undefined> {
  const row = await executor.selectFrom("communities").select("town_code").where("id", "=", id).executeTakeFirst();
  return row?.town_code;
}
