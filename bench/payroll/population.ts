/**
 * A seeded synthetic caseload for the payroll benchmark: households across the 24 镇区 (sizes 1–5, about
 * 2.29 persons each), persons with unique ID-like numbers, approved cases and their input revisions, written
 * with multi-row inserts (unnest of column arrays). Setup only; not part of the timed payroll.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import { mulberry32 } from "../../src/core/random";

/** The shared seeded generator (mulberry32). */
export const generator = mulberry32;

const categories = [
  "double_elderly",
  "serious_illness",
  "minor",
  "student",
  "single_parent_family",
  "severe_disability",
];
const chunk = 20_000;

async function insertColumns(
  db: Kysely<Database>,
  table: string,
  columns: Record<string, { type: string; values: unknown[] }>,
): Promise<void> {
  const names = Object.keys(columns);
  const length = columns[names[0]].values.length;
  for (let start = 0; start < length; start += chunk) {
    const arrays = names.map(
      (name) => sql`${columns[name].values.slice(start, start + chunk)}::${sql.raw(columns[name].type)}[]`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))}) select * from unnest(${sql.join(arrays)})`.execute(
      db,
    );
  }
}

/** Inserts `households` approved cases paid from `month`; returns the number of persons. */
export async function seedCaseload(
  db: Kysely<Database>,
  households: number,
  month: string,
  onProgress?: (label: string) => void,
): Promise<{ persons: number }> {
  const random = generator(20180301);
  const towns = (await db.selectFrom("towns").select("code").orderBy("code").execute()).map((row) => row.code);
  const person = {
    id: [] as string[],
    name: [] as string[],
    id_number: [] as string[],
    gender: [] as string[],
    birth: [] as string[],
    town: [] as string[],
  };
  const household = { id: [] as string[], town: [] as string[], address: [] as string[], head: [] as string[] };
  const cases = {
    id: [] as string[],
    number: [] as string[],
    household: [] as string[],
    town: [] as string[],
    payee: [] as string[],
    account: [] as string[],
    eligibility: [] as string[],
  };
  const revision = { case: [] as string[], town: [] as string[], members: [] as string[] };
  const uuid = (prefix: number, index: number) =>
    `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
  let personIndex = 0;
  for (let index = 0; index < households; index += 1) {
    const draw = random();
    const size = draw < 0.3 ? 1 : draw < 0.63 ? 2 : draw < 0.83 ? 3 : draw < 0.95 ? 4 : 5;
    const town = towns[index % towns.length];
    const householdId = uuid(2, index);
    const caseId = uuid(3, index);
    const members = [];
    for (let position = 0; position < size; position += 1) {
      const personId = uuid(1, personIndex);
      person.id.push(personId);
      person.name.push(`示例${personIndex}`);
      person.id_number.push(
        `442000${String(19500101 + (personIndex % 500) * 100).slice(0, 8)}${String(personIndex).padStart(4, "0").slice(-4)}`.slice(
          0,
          14,
        ) + String(personIndex).padStart(7, "0"),
      );
      person.gender.push(personIndex % 2 ? "male" : "female");
      person.birth.push("1970-01-01");
      person.town.push(town);
      const incomeFen = random() < 0.7 ? 0 : Math.floor(random() * 80_000);
      members.push({
        personId,
        incomeFen,
        categories: random() < 0.2 ? [categories[Math.floor(random() * categories.length)]] : [],
      });
      personIndex += 1;
    }
    household.id.push(householdId);
    household.town.push(town);
    household.address.push(`示例路${index}号`);
    household.head.push(members[0].personId);
    cases.id.push(caseId);
    cases.number.push(`DB-BENCH-${String(index).padStart(7, "0")}`);
    cases.household.push(householdId);
    cases.town.push(town);
    cases.payee.push(`示例${personIndex - size}`);
    cases.account.push(`6222${String(index).padStart(15, "0")}`);
    cases.eligibility.push(
      JSON.stringify({ month, eligible: true, totalFen: 0, dibaoFen: 0, supplementFen: 0, reasons: [] }),
    );
    revision.case.push(caseId);
    revision.town.push(town);
    revision.members.push(JSON.stringify(members));
  }
  onProgress?.("persons");
  await insertColumns(db, "persons", {
    id: { type: "uuid", values: person.id },
    name: { type: "text", values: person.name },
    id_number: { type: "text", values: person.id_number },
    gender: { type: "text", values: person.gender },
    birth_date: { type: "date", values: person.birth },
    town_code: { type: "text", values: person.town },
    hukou_type: { type: "text", values: person.id.map(() => "local") },
  });
  onProgress?.("households");
  await insertColumns(db, "households", {
    id: { type: "uuid", values: household.id },
    town_code: { type: "text", values: household.town },
    address: { type: "text", values: household.address },
    head_person_id: { type: "uuid", values: household.head },
  });
  onProgress?.("cases");
  const constant = <T>(value: T) => cases.id.map(() => value);
  await insertColumns(db, "assistance_cases", {
    id: { type: "uuid", values: cases.id },
    number: { type: "text", values: cases.number },
    household_id: { type: "uuid", values: cases.household },
    town_code: { type: "text", values: cases.town },
    channel: { type: "text", values: constant("counter") },
    state: { type: "text", values: constant("active") },
    work_capacity: { type: "text", values: constant("none") },
    assets_fen: { type: "bigint", values: constant(0) },
    payee_name: { type: "text", values: cases.payee },
    bank_account: { type: "text", values: cases.account },
    eligibility: { type: "jsonb", values: cases.eligibility },
    submitted_on: { type: "date", values: constant(`${month}-01`) },
    town_due_on: { type: "date", values: constant(`${month}-20`) },
    decision: { type: "text", values: constant("approved") },
    decided_on: { type: "date", values: constant(`${month}-01`) },
    start_month: { type: "text", values: constant(month) },
  });
  onProgress?.("revisions");
  await insertColumns(db, "assistance_case_revisions", {
    case_id: { type: "uuid", values: revision.case },
    revision: { type: "int", values: revision.case.map(() => 1) },
    town_code: { type: "text", values: revision.town },
    members: { type: "jsonb", values: revision.members },
    assets_fen: { type: "bigint", values: revision.case.map(() => 0) },
  });
  return { persons: personIndex };
}
