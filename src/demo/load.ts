import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { inTransaction, type Trx } from "../db/transaction";
import { appendAudit } from "../platform/audit/audit.log";
import type { ModuleManifest } from "../platform/module";
import { createDemoAccounts } from "./accounts";
import { generatePopulation, type DemoPopulation } from "./population";
import { loadDepartments, loadTowns } from "./reference";

/** What the demo loader inserted. */
export interface DemoSummary {
  towns: number;
  departments: number;
  communities: number;
  persons: number;
  households: number;
  organisations: number;
  accounts: number;
}

/**
 * The demo load failed at a named step. Nothing was written: the load is one transaction, so the database is as
 * empty as before and the next start loads the demo again.
 */
export class DemoLoadError extends Error {
  constructor(
    readonly step: string,
    readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `demo data could not be loaded (step: ${step}): ${reason}\n` +
        "Nothing was written: the demo load is one transaction, so the database is still empty and the next start tries again.\n" +
        "To start without demo data, run `npm start -- --no-demo` (or set GONGZHI_NO_DEMO=1); please report this message as an issue.",
    );
    this.name = "DemoLoadError";
  }
}

/** Progress callback: rows done of total, with a label. */
export type Progress = (done: number, total: number, label: string) => void;

const batchSize = 500;

async function insertInBatches<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<unknown>,
  onBatch: (count: number) => void,
) {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await insert(batch);
    onBatch(batch.length);
  }
}

/** Tells whether the database holds no data yet (no towns, no accounts, no persons). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const [town, account, person] = await Promise.all([
    db.selectFrom("towns").select("code").limit(1).executeTakeFirst(),
    db.selectFrom("accounts").select("id").limit(1).executeTakeFirst(),
    db.selectFrom("persons").select("id").limit(1).executeTakeFirst(),
  ]);
  return !town && !account && !person;
}

/** Tells whether the demo data was loaded into this database (its audit entry exists). */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  return (
    (await db
      .selectFrom("audit_entries")
      .select("position")
      .where("action", "=", "demo.load")
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}

async function insertPopulation(trx: Trx, population: DemoPopulation, step: (count: number) => void) {
  await insertInBatches(
    population.communities,
    (batch) =>
      trx
        .insertInto("communities")
        .values(
          batch.map((row) => ({
            id: row.id,
            town_code: row.townCode,
            name: row.name,
            synthetic: true,
            x: row.x,
            y: row.y,
          })),
        )
        .execute(),
    step,
  );
  await insertInBatches(
    population.persons,
    (batch) =>
      trx
        .insertInto("persons")
        .values(
          batch.map((row) => ({
            id: row.id,
            name: row.name,
            id_number: row.idNumber,
            gender: row.gender,
            birth_date: row.birthDate,
            phone: row.phone,
            town_code: row.townCode,
            community_id: row.communityId,
            address: row.address,
            hukou_type: row.hukouType,
          })),
        )
        .execute(),
    step,
  );
  await insertInBatches(
    population.households,
    (batch) =>
      trx
        .insertInto("households")
        .values(
          batch.map((row) => ({
            id: row.id,
            town_code: row.townCode,
            community_id: row.communityId,
            address: row.address,
            head_person_id: row.headPersonId,
          })),
        )
        .execute(),
    step,
  );
  const memberships = population.households.flatMap((household) =>
    household.members.map((member) => ({
      household_id: household.id,
      person_id: member.personId,
      town_code: household.townCode,
      relationship: member.relationship,
      since: member.since,
    })),
  );
  await insertInBatches(memberships, (batch) => trx.insertInto("household_members").values(batch).execute(), step);
}

const demoOrganisations = [
  {
    name: "中山市石岐区启航社会工作服务中心（示例）",
    kind: "social_organisation",
    town_code: "shiqi",
    credit_code: "52442000MJL000001A",
  },
  {
    name: "中山市小榄镇邻里互助协会（示例）",
    kind: "social_organisation",
    town_code: "xiaolan",
    credit_code: "51442000MJL000002B",
  },
  {
    name: "中山市东区长者关爱服务社（示例）",
    kind: "social_organisation",
    town_code: "dongqu",
    credit_code: "52442000MJL000003C",
  },
  {
    name: "中山市火炬开发区示例电子有限公司（示例）",
    kind: "company",
    town_code: "huoju",
    credit_code: "91442000MA5000004D",
  },
];

/**
 * Loads the demo data in one transaction: the 24 镇区, the departments, a synthetic population in households
 * (multi-row inserts), demo organisations, one account per role, then each module's seeds; one audit entry
 * `demo.load` records the counts.
 */
export async function loadDemo(
  db: Kysely<Database>,
  options: { modules?: readonly ModuleManifest[]; persons?: number; onProgress?: Progress } = {},
): Promise<DemoSummary> {
  return inTransaction(db, async (trx) => {
    const towns = await loadTowns(trx);
    const departments = await loadDepartments(trx);
    const townRows = await trx.selectFrom("towns").select(["code", "name"]).orderBy("code").execute();
    const population = generatePopulation(townRows, options.persons ?? 2000);
    const memberships = population.households.reduce((sum, household) => sum + household.members.length, 0);
    const total =
      population.communities.length + population.persons.length + population.households.length + memberships;
    let done = 0;
    await insertPopulation(trx, population, (count) => {
      done += count;
      options.onProgress?.(done, total, "registry");
    });
    await trx.insertInto("organisations").values(demoOrganisations).execute();
    const resident =
      population.persons.find(
        (person) => person.townCode === "shiqi" && person.hukouType === "migrant" && person.birthDate < "2000-01-01",
      ) ?? population.persons[0];
    const accounts = await createDemoAccounts(trx, resident.id);
    for (const module of options.modules ?? []) {
      if (!module.seeds) continue;
      try {
        await module.seeds(trx, { onProgress: options.onProgress });
      } catch (error) {
        throw new DemoLoadError(`${module.name} seeds`, error);
      }
    }
    const summary: DemoSummary = {
      towns,
      departments,
      communities: population.communities.length,
      persons: population.persons.length,
      households: population.households.length,
      organisations: demoOrganisations.length,
      accounts,
    };
    await appendAudit(trx, {
      actorId: null,
      actorUsername: "system",
      action: "demo.load",
      entityType: "database",
      entityId: "demo",
      after: summary,
    });
    return summary;
  });
}
