/**
 * Loads the inputs of a ranking run for a whole city: the applications of a cycle read in keyset chunks
 * straight into the engine's columns (no object per application), plus the small context (towns, quotas,
 * schools), and the sha256 of the canonical snapshot rows in application order.
 */
import { createHash, type Hash } from "node:crypto";
import { sql } from "kysely";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Executor } from "../../../db/transaction";
import {
  GRADE_CODES,
  PURPOSE_CODES,
  type ApplicantColumns,
  type QuotaColumns,
  type SchoolColumns,
} from "../allocation";
import { pointsDb } from "../points.tables";
import { emptyApplicantColumns } from "../allocation/allocation.input";

/** Rows read per query: keyset pages of the cycle's applications ordered by id. */
export const READ_CHUNK_ROWS = 50_000;

/** The small inputs of a run, stored with it as they were used. */
export interface RunContext {
  towns: string[];
  quotas: {
    school: { townCode: string; grade: string; places: number }[];
    hukou: { townCode: string; places: number }[];
    housingUnits: number;
  };
  schools: { schoolId: string; townCode: string; grade: string; seats: number; x: number; y: number }[];
}

/** Everything a run reads: engine columns, the per-row strings the engine does not need, and the snapshot hash. */
export interface RunInput {
  policyId: string;
  context: RunContext;
  applicants: ApplicantColumns;
  quotas: QuotaColumns;
  schools: SchoolColumns;
  applicationIds: string[];
  personIds: string[];
  propertyKeys: (string | null)[];
  householdKeys: (string | null)[];
  /** Home coordinates as read (null when the application has none; the engine column then holds 0). */
  hasHome: Uint8Array;
  snapshotHash: string;
}

/** Names of the purpose and grade codes, index = code. */
export const PURPOSE_NAMES = ["school", "housing", "hukou"] as const;
export const GRADE_NAMES = ["primary_1", "junior_1"] as const;

const SNAPSHOT_FORMAT = "gongzhi-points-snapshot/1";

/** Reads towns, quotas and schools of a cycle, ordered so the same data always gives the same context. */
export async function loadRunContext(
  executor: Executor,
  cycle: { id: string; housing_units: number },
): Promise<RunContext> {
  const db = pointsDb(executor);
  const towns = (await executor.selectFrom("towns").select("code").orderBy("code").execute()).map((town) => town.code);
  const quotas = await db
    .selectFrom("points_quotas")
    .selectAll()
    .where("cycle_id", "=", cycle.id)
    .orderBy("purpose")
    .orderBy("town_code")
    .orderBy("grade")
    .execute();
  const schools = await db
    .selectFrom("points_schools")
    .select(["id", "town_code", "grade", "seats", "x", "y"])
    .where("cycle_id", "=", cycle.id)
    .orderBy("id")
    .execute();
  return {
    towns,
    quotas: {
      school: quotas
        .filter((quota) => quota.purpose === "school")
        .map((quota) => ({ townCode: quota.town_code, grade: quota.grade, places: quota.places })),
      hukou: quotas
        .filter((quota) => quota.purpose === "hukou")
        .map((quota) => ({ townCode: quota.town_code, places: quota.places })),
      housingUnits: cycle.housing_units,
    },
    schools: schools.map((school) => ({
      schoolId: school.id,
      townCode: school.town_code,
      grade: school.grade,
      seats: school.seats,
      x: school.x,
      y: school.y,
    })),
  };
}

/** Engine columns of the quotas and schools; schools sorted by (town, grade, schoolId) as the engine requires. */
export function contextColumns(context: RunContext): {
  quotas: QuotaColumns;
  schools: SchoolColumns;
  sortedSchools: RunContext["schools"];
} {
  const townIndex = new Map(context.towns.map((code, index) => [code, index]));
  const townCount = context.towns.length;
  const quotas: QuotaColumns = {
    townCount,
    schoolPlaces: new Int32Array(2 * townCount),
    hukouPlaces: new Int32Array(townCount),
    housingUnits: context.quotas.housingUnits,
  };
  for (const quota of context.quotas.school)
    quotas.schoolPlaces[townIndex.get(quota.townCode)! * 2 + GRADE_CODES[quota.grade as keyof typeof GRADE_CODES]] =
      quota.places;
  for (const quota of context.quotas.hukou) quotas.hukouPlaces[townIndex.get(quota.townCode)!] = quota.places;
  const key = (school: RunContext["schools"][number]) => [
    townIndex.get(school.townCode)!,
    GRADE_CODES[school.grade as keyof typeof GRADE_CODES],
  ];
  const sortedSchools = [...context.schools].sort((a, b) => {
    const [townA, gradeA] = key(a);
    const [townB, gradeB] = key(b);
    return townA - townB || gradeA - gradeB || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0);
  });
  const count = sortedSchools.length;
  const schools: SchoolColumns = {
    count,
    town: new Uint16Array(count),
    grade: new Uint8Array(count),
    seats: new Int32Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
  };
  sortedSchools.forEach((school, k) => {
    [schools.town[k], schools.grade[k]] = key(school);
    schools.seats[k] = school.seats;
    schools.x[k] = school.x;
    schools.y[k] = school.y;
  });
  return { quotas, schools, sortedSchools };
}

interface ApplicationRow {
  id: string;
  person_id: string;
  town_code: string;
  purpose: string;
  grade: string | null;
  total: number;
  personal_quality: number;
  insurance: number;
  residence: number;
  applied_ms: number;
  home_x: number | null;
  home_y: number | null;
  eligible: boolean;
  refused: boolean;
  property_key: string | null;
  household_key: string | null;
}

async function readChunk(executor: Executor, cycleId: string, after: string | null): Promise<ApplicationRow[]> {
  const result = await sql<ApplicationRow>`
    select id, person_id, town_code, purpose, grade, score_total as total,
      coalesce((score_subscores->>'personal_quality')::integer, 0) as personal_quality,
      coalesce((score_subscores->>'insurance')::integer, 0) as insurance,
      coalesce((score_subscores->>'residence')::integer, 0) as residence,
      floor(extract(epoch from applied_at) * 1000)::float8 as applied_ms, home_x, home_y,
      (status = 'accepted' and eligible) as eligible, (placement_refused_on is not null) as refused, property_key, household_key
    from points_applications
    where cycle_id = ${cycleId} ${after === null ? sql`` : sql`and id > ${after}::uuid`}
    order by id limit ${READ_CHUNK_ROWS}`.execute(executor);
  return result.rows;
}

function problem(field: string, message: string): Result<never, Problem> {
  return err({ code: "invalid_allocation_input", field, message });
}

/** Writes one snapshot row into the hash: a JSON array per application, one per line, in application order. */
function hashRow(hash: Hash, row: ApplicationRow): void {
  hash.update(
    `\n${JSON.stringify([
      row.id,
      row.person_id,
      row.town_code,
      row.purpose,
      row.grade,
      row.total,
      row.personal_quality,
      row.insurance,
      row.residence,
      row.applied_ms,
      row.home_x,
      row.home_y,
      row.eligible,
      row.refused,
      row.property_key,
      row.household_key,
    ])}`,
  );
}

/** Reads a cycle's applications in keyset chunks into engine columns, validating each row and hashing the snapshot. */
export async function loadRunInput(
  executor: Executor,
  cycle: { id: string; policy_id: string; housing_units: number },
): Promise<Result<RunInput, Problem>> {
  const context = await loadRunContext(executor, cycle);
  const { quotas, schools } = contextColumns(context);
  const hash = createHash("sha256").update(
    `${SNAPSHOT_FORMAT}\n${JSON.stringify({ policyId: cycle.policy_id, ...context })}`,
  );
  const total = Number(
    (
      await pointsDb(executor)
        .selectFrom("points_applications")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("cycle_id", "=", cycle.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const townIndex = new Map(context.towns.map((code, index) => [code, index]));
  const columns = emptyApplicantColumns(total);
  const input: RunInput = {
    policyId: cycle.policy_id,
    context,
    applicants: columns,
    quotas,
    schools,
    applicationIds: new Array(total),
    personIds: new Array(total),
    propertyKeys: new Array(total),
    householdKeys: new Array(total),
    hasHome: new Uint8Array(total),
    snapshotHash: "",
  };
  const properties = new Map<string, number>();
  const households = new Map<string, number>();
  let row = 0;
  let after: string | null = null;
  for (;;) {
    const chunk = await readChunk(executor, cycle.id, after);
    if (chunk.length === 0) break;
    if (row + chunk.length > total)
      return problem("applications", "applications were added while the run was reading; run it again");
    for (const application of chunk) {
      const field = `applications[${application.id}]`;
      const purpose = PURPOSE_CODES[application.purpose as keyof typeof PURPOSE_CODES];
      const town = townIndex.get(application.town_code);
      if (purpose === undefined) return problem(`${field}.purpose`, `unknown purpose "${application.purpose}"`);
      if (town === undefined) return problem(`${field}.townCode`, `unknown 镇区 code "${application.town_code}"`);
      const hasHome = application.home_x !== null && application.home_y !== null;
      if (purpose === PURPOSE_CODES.school) {
        if (application.grade !== "primary_1" && application.grade !== "junior_1")
          return problem(`${field}.grade`, "school applications need primary_1 or junior_1");
        if (!hasHome) return problem(`${field}.home`, "school applications need home coordinates");
      }
      columns.purpose[row] = purpose;
      columns.town[row] = town;
      columns.grade[row] =
        purpose === PURPOSE_CODES.school ? GRADE_CODES[application.grade as keyof typeof GRADE_CODES] : 0;
      columns.total[row] = application.total;
      columns.personalQuality[row] = application.personal_quality;
      columns.insurance[row] = application.insurance;
      columns.residence[row] = application.residence;
      columns.appliedAt[row] = application.applied_ms;
      columns.homeX[row] = application.home_x ?? 0;
      columns.homeY[row] = application.home_y ?? 0;
      columns.eligible[row] = application.eligible ? 1 : 0;
      columns.refused[row] = application.refused ? 1 : 0;
      if (application.property_key !== null && application.property_key !== "") {
        if (!properties.has(application.property_key)) properties.set(application.property_key, properties.size);
        columns.property[row] = properties.get(application.property_key)!;
      }
      const household = application.household_key
        ? `household:${application.household_key}`
        : `person:${application.person_id}`;
      if (!households.has(household)) households.set(household, households.size);
      columns.household[row] = households.get(household)!;
      input.applicationIds[row] = application.id;
      input.personIds[row] = application.person_id;
      input.propertyKeys[row] = application.property_key || null;
      input.householdKeys[row] = application.household_key || null;
      input.hasHome[row] = hasHome ? 1 : 0;
      hashRow(hash, application);
      row++;
    }
    after = chunk[chunk.length - 1].id;
    if (chunk.length < READ_CHUNK_ROWS) break;
  }
  if (row !== total)
    return problem("applications", "applications were removed while the run was reading; run it again");
  columns.propertyCount = properties.size;
  input.snapshotHash = hash.digest("hex");
  return ok(input);
}
