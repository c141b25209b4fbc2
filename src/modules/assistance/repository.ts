/**
 * Reads of the assistance tables: one case with its members, lists with filters, the timeline, CPI figures.
 * Persons and households come from the registry's exported queries, never its tables.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { TownScope } from "../../platform/access/scope";
import { codeLabels } from "../../platform/labels/labels";
import { assistanceDb, type AssistanceCasesTable, type CaseState, type EligibilitySnapshot } from "./tables";

/** A case row in camelCase with its members. */
export interface CaseRecord {
  id: string;
  number: string;
  householdId: string;
  townCode: string;
  communityId: string | null;
  applicantPersonId: string | null;
  channel: "online" | "counter";
  state: CaseState;
  workCapacity: "none" | "partial" | "able";
  seriousIllness: boolean;
  assetsFen: number;
  secondHome: boolean;
  vehicle: boolean;
  payeeName: string;
  bankAccount: string;
  revision: number;
  eligibility: EligibilitySnapshot;
  submittedOn: string;
  townDueOn: string;
  publicityStartOn: string | null;
  publicityEndOn: string | null;
  publicityListId: string | null;
  decisionDueOn: string | null;
  decidedOn: string | null;
  decision: "approved" | "refused" | null;
  decisionLate: boolean;
  decisionReason: string | null;
  startMonth: string | null;
  stopMonth: string | null;
  nextReviewOn: string | null;
  appealDueOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  members: CaseMemberRecord[];
}

/** A member of a case. */
export interface CaseMemberRecord {
  personId: string;
  relationship: string;
  incomeFen: number;
  categories: string[];
}

type CaseRow = {
  [K in keyof AssistanceCasesTable]: AssistanceCasesTable[K] extends { __select__: infer S }
    ? S
    : AssistanceCasesTable[K];
};

function toRecord(row: CaseRow, members: CaseMemberRecord[]): CaseRecord {
  return {
    id: row.id,
    number: row.number,
    householdId: row.household_id,
    townCode: row.town_code,
    communityId: row.community_id,
    applicantPersonId: row.applicant_person_id,
    channel: row.channel,
    state: row.state,
    workCapacity: row.work_capacity,
    seriousIllness: row.serious_illness,
    assetsFen: Number(row.assets_fen),
    secondHome: row.second_home,
    vehicle: row.vehicle,
    payeeName: row.payee_name,
    bankAccount: row.bank_account,
    revision: row.revision,
    eligibility: row.eligibility,
    submittedOn: row.submitted_on,
    townDueOn: row.town_due_on,
    publicityStartOn: row.publicity_start_on,
    publicityEndOn: row.publicity_end_on,
    publicityListId: row.publicity_list_id,
    decisionDueOn: row.decision_due_on,
    decidedOn: row.decided_on,
    decision: row.decision,
    decisionLate: row.decision_late,
    decisionReason: row.decision_reason,
    startMonth: row.start_month,
    stopMonth: row.stop_month,
    nextReviewOn: row.next_review_on,
    appealDueOn: row.appeal_due_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members,
  };
}

/** Loads one case with its open members; `lock` takes a row lock (select … for update) for a write. */
export async function findCase(
  executor: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const db = assistanceDb(executor);
  let query = db.selectFrom("assistance_cases").selectAll().where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  const row = (await query.executeTakeFirst()) as CaseRow | undefined;
  if (!row) return undefined;
  const members = await db
    .selectFrom("assistance_case_members")
    .select(["person_id as personId", "relationship", "monthly_income_fen as incomeFen", "categories"])
    .where("case_id", "=", id)
    .where("open", "=", true)
    .orderBy("relationship")
    .execute();
  return toRecord(
    row,
    members.map((member) => ({ ...member, incomeFen: Number(member.incomeFen) })),
  );
}

/** Filters of the case list. */
export interface CaseFilters {
  scope: TownScope;
  state?: CaseState;
  townCode?: string;
  q?: string;
  overdue?: boolean;
  today: string;
  page: number;
  pageSize: number;
}

/** A case in a list. */
export interface CaseSummaryRow {
  id: string;
  number: string;
  townCode: string;
  state: CaseState;
  payeeName: string;
  submittedOn: string;
  townDueOn: string;
  decisionDueOn: string | null;
  decision: "approved" | "refused" | null;
  decisionLate: boolean;
  nextReviewOn: string | null;
  members: number;
  totalFen: number;
}

/** Lists cases in the caller's scope with filters, newest first. */
export async function listCases(
  executor: Executor,
  filters: CaseFilters,
): Promise<{ items: CaseSummaryRow[]; total: number }> {
  let query = assistanceDb(executor).selectFrom("assistance_cases as c");
  if (filters.scope.kind === "towns") {
    if (filters.scope.towns.length === 0) return { items: [], total: 0 };
    query = query.where("c.town_code", "in", filters.scope.towns);
  }
  if (filters.state) query = query.where("c.state", "=", filters.state);
  if (filters.townCode) query = query.where("c.town_code", "=", filters.townCode);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) => eb.or([eb("c.number", "like", pattern), eb("c.payee_name", "like", pattern)]));
  }
  if (filters.overdue) {
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb("c.state", "in", ["submitted", "investigated", "appraised"]),
          eb("c.town_due_on", "<", filters.today),
        ]),
        eb.and([eb("c.state", "in", ["town_reviewed", "publicised"]), eb("c.decision_due_on", "<", filters.today)]),
        eb.and([eb("c.state", "=", "active"), eb("c.next_review_on", "<", filters.today)]),
      ]),
    );
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      "c.id",
      "c.number",
      "c.town_code as townCode",
      "c.state",
      "c.payee_name as payeeName",
      "c.submitted_on as submittedOn",
      "c.town_due_on as townDueOn",
      "c.decision_due_on as decisionDueOn",
      "c.decision",
      "c.decision_late as decisionLate",
      "c.next_review_on as nextReviewOn",
      "c.eligibility",
      sql<number>`(select count(*) from assistance_case_members m where m.case_id = c.id and m.open)`.as("members"),
    ])
    .orderBy("c.created_at", "desc")
    .orderBy("c.id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return {
    items: rows.map(({ eligibility, ...row }) => ({
      ...row,
      members: Number(row.members),
      totalFen: eligibility.totalFen,
    })),
    total: Number(count.count),
  };
}

/** A timeline event. */
export interface CaseEventRecord {
  id: string;
  kind: string;
  onDate: string;
  details: Record<string, unknown>;
  fileIds: string[];
  actorUsername: string | null;
  /** The actor's display name (e.g. 石岐区办事员), or the username when the account no longer exists. */
  actorName: string | null;
  createdAt: Date;
}

/** The steps in their order in the procedure: steps recorded on the same day at the same moment keep it. */
const stepOrder = Object.keys(codeLabels.assistanceStep);

/** The timeline of a case in the order things happened: by date, then by when each was recorded, then by step. */
export async function caseEvents(executor: Executor, caseId: string): Promise<CaseEventRecord[]> {
  return assistanceDb(executor)
    .selectFrom("assistance_case_events as e")
    .leftJoin("accounts as a", "a.username", "e.actor_username")
    .select([
      "e.id",
      "e.kind",
      "e.on_date as onDate",
      "e.details",
      "e.file_ids as fileIds",
      "e.actor_username as actorUsername",
      sql<string | null>`coalesce(a.display_name, e.actor_username)`.as("actorName"),
      "e.created_at as createdAt",
    ])
    .where("e.case_id", "=", caseId)
    .orderBy("e.on_date")
    .orderBy("e.created_at")
    .orderBy(sql`array_position(${sql.val(stepOrder)}::text[], e.kind)`)
    .orderBy("e.id")
    .execute();
}

/** The open case a person belongs to, if any (a person is in at most one open case). */
export async function openCaseOfPerson(executor: Executor, personId: string): Promise<string | undefined> {
  const row = await assistanceDb(executor)
    .selectFrom("assistance_case_members")
    .select("case_id")
    .where("person_id", "=", personId)
    .where("open", "=", true)
    .executeTakeFirst();
  return row?.case_id;
}

/** The ids of a household's cases, newest first (a resident's own cases). */
export async function casesOfHousehold(executor: Executor, householdId: string): Promise<string[]> {
  const rows = await assistanceDb(executor)
    .selectFrom("assistance_cases")
    .select("id")
    .where("household_id", "=", householdId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => row.id);
}
