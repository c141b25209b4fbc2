/** API shapes of the points module, with the fields each caller may see. */
import { maskIdNumber, maskName } from "../../core/masking";
import { formatPoints } from "../../core/points";
import type { Executor } from "../../db/transaction";
import { holdsAnyRole, holdsRoleInTown } from "../../platform/access/scope";
import type { Actor } from "../../platform/roles";
import type { ApplicationResult } from "./allocation";
import { pointsDb } from "./points.tables";
import type { ApplicationRecord, EnrolmentRecord, FactRecord } from "./repository";
import { runResultOf } from "./run/run.rows";

const points = (hundredths: number) => Number(formatPoints(hundredths));

/** Whether the caller sees full names and ID numbers of this enrolment: the person, clerks of its 镇区, programme admins, auditors. */
function seesFull(actor: Actor, enrolment: { person_id: string; town_code: string }): boolean {
  return (
    actor.personId === enrolment.person_id ||
    holdsAnyRole(actor, ["programme_admin", "auditor"]) ||
    holdsRoleInTown(actor, "clerk", enrolment.town_code)
  );
}

/** An enrolment header. */
export function presentEnrolment(actor: Actor, enrolment: EnrolmentRecord) {
  const full = seesFull(actor, enrolment);
  return {
    id: enrolment.id,
    personId: enrolment.person_id,
    // A verifier checks evidence, not people: names are masked for whoever does not see the full record.
    name: full ? enrolment.name : maskName(enrolment.name),
    idNumber: full ? enrolment.id_number : maskIdNumber(enrolment.id_number),
    townCode: enrolment.town_code,
    residencePermitNumber: full ? enrolment.residence_permit_number : null,
    workStartedOn: enrolment.work_started_on,
    enrolledOn: enrolment.enrolled_on,
    status: enrolment.status,
    barredReason: enrolment.barred_reason,
    barredOn: enrolment.barred_on,
    version: enrolment.version,
  };
}

/** A fact with its evidence and verification state. */
export function presentFact(fact: FactRecord) {
  return {
    id: fact.id,
    enrolmentId: fact.enrolment_id,
    fact: fact.fact,
    value: fact.value,
    status: fact.status,
    departmentCode: fact.department_code,
    fileIds: fact.file_ids,
    declaredOn: fact.declared_on,
    forwardDue: fact.forward_due,
    sentOn: fact.sent_on,
    checkDue: fact.check_due,
    decidedOn: fact.decided_on,
    reason: fact.reason,
    townCode: fact.town_code,
    version: fact.version,
  };
}

/** The published result of an application in the cycle's latest published (or final) run, if any. */
export async function publishedResult(
  executor: Executor,
  cycleId: string,
  applicationId: string,
): Promise<(ApplicationResult & { runId: string; runStatus: string }) | null> {
  const run = await pointsDb(executor)
    .selectFrom("points_runs")
    .select(["id", "status"])
    .where("cycle_id", "=", cycleId)
    .where("status", "in", ["published", "final"])
    .orderBy("published_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!run) return null;
  const found = await runResultOf(executor, run.id, applicationId);
  return found ? { ...found, runId: run.id, runStatus: run.status } : null;
}

/** An application with its score (points as numbers exact to the hundredth). */
export function presentApplication(actor: Actor, application: ApplicationRecord) {
  const full =
    actor.personId === application.person_id ||
    holdsAnyRole(actor, ["programme_admin", "auditor"]) ||
    holdsRoleInTown(actor, "clerk", application.town_code);
  return {
    id: application.id,
    cycleId: application.cycle_id,
    enrolmentId: application.enrolment_id,
    personId: application.person_id,
    townCode: application.town_code,
    purpose: application.purpose,
    grade: application.grade,
    childName: application.child_name && !full ? maskName(application.child_name) : application.child_name,
    childIdNumber: application.child_id_number
      ? full
        ? application.child_id_number
        : maskIdNumber(application.child_id_number)
      : null,
    communityId: application.community_id,
    communityName: application.community_name,
    propertyKey: full ? application.property_key : null,
    conditions: application.conditions,
    appliedAt: new Date(application.applied_at).toISOString(),
    status: application.status,
    placementRefusedOn: application.placement_refused_on,
    total: points(application.score_total),
    eligible: application.eligible,
    subscores: Object.fromEntries(
      Object.entries(application.score_subscores).map(([key, value]) => [key, points(value)]),
    ),
    policyId: application.policy_id,
    version: application.version,
  };
}

/** The score history rows of an application, oldest first. */
export async function scoreHistory(executor: Executor, applicationId: string) {
  const rows = await pointsDb(executor)
    .selectFrom("points_score_history")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    total: points(row.total),
    eligible: row.eligible,
    reason: row.reason,
  }));
}

/** The messages to a resident, newest first. */
export async function messages(executor: Executor, enrolmentId: string) {
  const rows = await pointsDb(executor)
    .selectFrom("points_messages")
    .selectAll()
    .where("enrolment_id", "=", enrolmentId)
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  return rows.map((row) => ({ at: new Date(row.at).toISOString(), text: row.text }));
}
