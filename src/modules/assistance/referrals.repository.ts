/** Queries of referrals (转介) into the assistance module. */
import type { TownScope } from "../../platform/access/scope";
import type { Executor } from "../../db/transaction";
import { assistanceDb } from "./tables";

export interface ReferralRecord {
  id: string;
  sourceModule: string;
  sourceId: string;
  sourceContractId: string | null;
  sourceName: string;
  subjectName: string;
  subjectPersonId: string | null;
  townCode: string;
  reason: string;
  status: "pending" | "accepted" | "declined";
  receivedOn: string;
  dueOn: string;
  receivedAt: Date;
  caseId: string | null;
  caseNumber: string | null;
  decidedAt: Date | null;
  decisionNote: string;
}

function referralQuery(executor: Executor) {
  return assistanceDb(executor)
    .selectFrom("assistance_referrals as r")
    .leftJoin("assistance_cases as c", "c.id", "r.case_id")
    .select([
      "r.id",
      "r.source_module as sourceModule",
      "r.source_id as sourceId",
      "r.source_contract_id as sourceContractId",
      "r.source_name as sourceName",
      "r.subject_name as subjectName",
      "r.subject_person_id as subjectPersonId",
      "r.town_code as townCode",
      "r.reason",
      "r.status",
      "r.received_on as receivedOn",
      "r.due_on as dueOn",
      "r.received_at as receivedAt",
      "r.case_id as caseId",
      "c.number as caseNumber",
      "r.decided_at as decidedAt",
      "r.decision_note as decisionNote",
    ]);
}

/** One referral (with a row lock inside a write's transaction). */
export async function findReferral(
  executor: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReferralRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  if (options.lock)
    await assistanceDb(executor)
      .selectFrom("assistance_referrals")
      .select("id")
      .where("id", "=", id)
      .forUpdate()
      .execute();
  return referralQuery(executor).where("r.id", "=", id).executeTakeFirst();
}

/** Referrals of the 镇区 in scope, pending first, then newest first. */
export async function listReferrals(
  executor: Executor,
  filter: { scope: TownScope; status?: ReferralRecord["status"] },
): Promise<ReferralRecord[]> {
  if (filter.scope.kind === "towns" && filter.scope.towns.length === 0) return [];
  let query = referralQuery(executor);
  if (filter.scope.kind === "towns") query = query.where("r.town_code", "in", filter.scope.towns);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  return query.orderBy("r.received_at", "desc").orderBy("r.id").execute();
}
