/** Scores applications from the facts that count (confirmed or corrected), keeping a history of every change. */
import { sql } from "kysely";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Executor, Trx } from "../../../db/transaction";
import { pointsDb } from "../points.tables";
import { presentOutcome, scoreQuestion, type PointsPurpose } from "../points.scoring";
import { findEnrolment, findFacts } from "../repository";
import { ledgerFactsOf, ledgerFactValues } from "../../participation/facts";
import { clock } from "../../../core/clock";

/** Fact states whose value counts for the score. */
export const countingStatuses = ["confirmed", "corrected"];

/**
 * The facts of an enrolment that count, in the policy vocabulary; the birth date comes from the registry, and the
 * volunteer facts come straight from the participation module's hours ledger (confirmed by the organisers) when
 * it holds hours of the person in the last five years, replacing declared values of those facts.
 */
export async function countingFacts(executor: Executor, enrolmentId: string): Promise<Record<string, unknown>> {
  const enrolment = await findEnrolment(executor, enrolmentId);
  const facts: Record<string, unknown> = {};
  for (const row of await findFacts(executor, enrolmentId))
    if (countingStatuses.includes(row.status)) facts[row.fact] = row.value;
  if (enrolment) {
    facts.birth_date = enrolment.birth_date;
    const ledger = await ledgerFactsOf(executor, enrolment.person_id, clock.today());
    for (const fact of ledger ?? []) facts[fact.fact] = fact.value;
  }
  return facts;
}

/**
 * The facts that count of many enrolments at once (a cycle's applicants), the same as `countingFacts` gives each
 * (same keys in the same order): the counting fact rows in one query, the birth dates in one, and the volunteer
 * facts refreshed from the ledger set-based (`ledgerFactValues`). Unknown enrolments are absent.
 */
export async function countingFactsOfEnrolments(
  executor: Executor,
  enrolmentIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const answer = new Map<string, Record<string, unknown>>();
  if (enrolmentIds.length === 0) return answer;
  const ids = [...new Set(enrolmentIds)];
  const db = pointsDb(executor);
  const enrolments = await db
    .selectFrom("points_enrolments as e")
    .innerJoin("persons as p", "p.id", "e.person_id")
    .select(["e.id", "e.person_id", "p.birth_date"])
    .where(sql<boolean>`e.id = any(${ids}::uuid[])`)
    .execute();
  const declared = await db
    .selectFrom("points_facts")
    .select(["enrolment_id", "fact", "value"])
    .where(sql<boolean>`enrolment_id = any(${ids}::uuid[])`)
    .where("status", "in", countingStatuses)
    .orderBy("enrolment_id")
    .orderBy("fact")
    .execute();
  const facts = new Map<string, Record<string, unknown>>(ids.map((id) => [id, {}]));
  for (const row of declared) facts.get(row.enrolment_id)![row.fact] = row.value;
  const ledger = await ledgerFactValues(
    executor,
    enrolments.map((enrolment) => enrolment.person_id),
    clock.today(),
  );
  for (const enrolment of enrolments) {
    const own = facts.get(enrolment.id)!;
    own.birth_date = enrolment.birth_date;
    Object.assign(own, ledger.get(enrolment.person_id) ?? {});
    answer.set(enrolment.id, own);
  }
  return answer;
}

/** Rescores the enrolment of a person whose facts changed elsewhere (the volunteer ledger), if they are enrolled. */
export async function rescorePerson(trx: Trx, personId: string, reason: string): Promise<void> {
  const enrolment = await pointsDb(trx)
    .selectFrom("points_enrolments")
    .select("id")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  if (enrolment) await rescoreEnrolment(trx, enrolment.id, reason);
}

/** A computed score in hundredths. */
export interface ComputedScore {
  total: number;
  subscores: Record<string, number>;
  eligible: boolean;
}

/** Scores one application's question. */
export function computeScore(
  policyId: string,
  input: { purpose: string; town: string; date: string; grade: string | null; facts: Record<string, unknown> },
): Result<ComputedScore, Problem> {
  const outcome = scoreQuestion(policyId, {
    purpose: input.purpose as PointsPurpose,
    town: input.town,
    date: input.date,
    grade: input.grade,
    facts: input.facts,
  });
  if (!outcome.ok) return err(outcome.error);
  return ok({ total: outcome.value.total, subscores: outcome.value.subscores, eligible: outcome.value.eligible });
}

/** Rescores every accepted application of an enrolment and records a history row (with the reason) when it changed. */
export async function rescoreEnrolment(trx: Trx, enrolmentId: string, reason: string): Promise<void> {
  const db = pointsDb(trx);
  const facts = await countingFacts(trx, enrolmentId);
  const applications = await db
    .selectFrom("points_applications")
    .selectAll()
    .where("enrolment_id", "=", enrolmentId)
    .where("status", "=", "accepted")
    .execute();
  for (const application of applications) {
    const score = computeScore(application.policy_id, {
      purpose: application.purpose,
      town: application.town_code,
      date: application.applied_on,
      grade: application.grade,
      facts,
    });
    if (!score.ok) throw new Error(`stored facts no longer score: ${score.error.message}`);
    const same =
      score.value.total === application.score_total &&
      score.value.eligible === application.eligible &&
      JSON.stringify(score.value.subscores) === JSON.stringify(application.score_subscores);
    if (same) continue;
    await db
      .updateTable("points_applications")
      .set((eb) => ({
        score_total: score.value.total,
        score_subscores: JSON.stringify(score.value.subscores),
        eligible: score.value.eligible,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", application.id)
      .execute();
    await recordScore(trx, application.id, score.value, reason);
  }
}

/** Appends one row to an application's score history. */
export async function recordScore(
  trx: Trx,
  applicationId: string,
  score: ComputedScore,
  reason: string,
): Promise<void> {
  const db = pointsDb(trx);
  await db
    .insertInto("points_score_history")
    .values({
      application_id: applicationId,
      // the application's 镇区 (the distribution key)
      town_code: db.selectFrom("points_applications").select("town_code").where("id", "=", applicationId),
      total: score.total,
      subscores: JSON.stringify(score.subscores),
      eligible: score.eligible,
      reason,
    })
    .execute();
}

/** Tells the resident something about their points (why a score changed, a result). */
export async function tellResident(trx: Trx, enrolmentId: string, text: string): Promise<void> {
  const db = pointsDb(trx);
  await db
    .insertInto("points_messages")
    .values({
      enrolment_id: enrolmentId,
      // the enrolment's 镇区 (the distribution key)
      town_code: db.selectFrom("points_enrolments").select("town_code").where("id", "=", enrolmentId),
      text,
    })
    .execute();
}

/**
 * Many messages at once (a publication tells every applicant): one insert per 1,000 messages, each with its
 * enrolment's 镇区, instead of a round trip per message.
 */
export async function tellResidents(trx: Trx, messages: { enrolmentId: string; text: string }[]): Promise<void> {
  const db = pointsDb(trx);
  for (let start = 0; start < messages.length; start += 1000) {
    const batch = messages.slice(start, start + 1000);
    const towns = new Map(
      (
        await db
          .selectFrom("points_enrolments")
          .select(["id", "town_code"])
          .where(
            "id",
            "in",
            batch.map((message) => message.enrolmentId),
          )
          .execute()
      ).map((row) => [row.id, row.town_code]),
    );
    await db
      .insertInto("points_messages")
      .values(
        batch.map((message) => ({
          enrolment_id: message.enrolmentId,
          town_code: towns.get(message.enrolmentId)!,
          text: message.text,
        })),
      )
      .execute();
  }
}

/**
 * An accepted application's current score explained step by step, as the self-check explains it (indicator,
 * points, clause), from the facts that count now — what its stored total was scored from. Empty for an
 * application no longer scored (disqualified, withdrawn). `facts` saves re-reading them for several applications.
 */
export async function scoreBreakdown(
  executor: Executor,
  application: {
    enrolment_id: string;
    policy_id: string;
    purpose: string;
    town_code: string;
    applied_on: string;
    grade: string | null;
    status: string;
  },
  facts?: Record<string, unknown>,
) {
  if (application.status !== "accepted") return [];
  const explained = scoreQuestion(application.policy_id, {
    purpose: application.purpose as PointsPurpose,
    town: application.town_code,
    date: application.applied_on,
    grade: application.grade,
    facts: facts ?? (await countingFacts(executor, application.enrolment_id)),
  });
  return explained.ok ? presentOutcome(explained.value, 0).steps : [];
}
