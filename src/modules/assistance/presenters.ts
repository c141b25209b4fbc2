/** API shapes of the assistance module, with an explicit field list per caller: full ID numbers only for staff who may see them. */
import { fenToYuanString } from "../../core/money";
import { maskIdNumber, maskName } from "../../core/masking";
import type { Executor } from "../../db/transaction";
import type { Actor } from "../../platform/roles";
import { findPerson } from "../registry/repository";
import { presentSteps, referenceInChinese } from "./explanation.present";
import { seesFullCase } from "./policies";
import type { CaseEventRecord, CaseRecord, CaseSummaryRow } from "./repository";

/** A case with its members (names and ID numbers from the registry), deadlines and timeline. */
export async function presentCase(
  executor: Executor,
  actor: Actor | null,
  record: CaseRecord,
  events: CaseEventRecord[],
  own = false,
) {
  const full = own || seesFullCase(actor, record);
  const members = [];
  for (const member of record.members) {
    const person = await findPerson(executor, member.personId);
    members.push({
      personId: member.personId,
      name: person ? (full ? person.name : maskName(person.name)) : null,
      idNumber: person ? (full ? person.idNumber : maskIdNumber(person.idNumber)) : null,
      birthDate: person && full ? person.birthDate : null,
      relationship: member.relationship,
      monthlyIncomeYuan: fenToYuanString(member.incomeFen),
      categories: member.categories,
    });
  }
  return {
    id: record.id,
    number: record.number,
    householdId: record.householdId,
    townCode: record.townCode,
    communityId: record.communityId,
    channel: record.channel,
    state: record.state,
    workCapacity: record.workCapacity,
    seriousIllness: record.seriousIllness,
    assetsYuan: fenToYuanString(record.assetsFen),
    secondHome: record.secondHome,
    vehicle: record.vehicle,
    payeeName: record.payeeName,
    bankAccount: full ? record.bankAccount : `****${record.bankAccount.slice(-4)}`,
    members,
    householdIncomeYuan: fenToYuanString(record.members.reduce((sum, member) => sum + member.incomeFen, 0)),
    eligibility: {
      month: record.eligibility.month,
      eligible: record.eligibility.eligible,
      totalYuan: fenToYuanString(record.eligibility.totalFen),
      dibaoYuan: fenToYuanString(record.eligibility.dibaoFen),
      supplementYuan: fenToYuanString(record.eligibility.supplementFen),
      reasons: record.eligibility.reasons.map((reason) => ({
        ...reason,
        ...(reason.reference ? { referenceZh: referenceInChinese(reason.reference) } : {}),
      })),
      steps: presentSteps(
        record.eligibility.steps ?? [],
        new Map(members.map((member) => [member.personId, member.name])),
        new Map(record.members.map((member) => [member.personId, member.categories])),
      ),
    },
    deadlines: {
      submittedOn: record.submittedOn,
      townOpinionDueOn: record.townDueOn,
      publicityStartOn: record.publicityStartOn,
      publicityEndOn: record.publicityEndOn,
      decisionDueOn: record.decisionDueOn,
      appealDueOn: record.appealDueOn,
      nextReviewOn: record.nextReviewOn,
    },
    publicityListId: record.publicityListId,
    decision: record.decision,
    decidedOn: record.decidedOn,
    decisionLate: record.decisionLate,
    decisionReason: record.decisionReason,
    startMonth: record.startMonth,
    stopMonth: record.stopMonth,
    revision: record.revision,
    version: record.version,
    timeline: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      onDate: event.onDate,
      details: event.details,
      fileIds: event.fileIds,
      actorUsername: event.actorUsername,
      actorName: event.actorName,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

/** A case in a list. */
export function presentCaseSummary(row: CaseSummaryRow) {
  return {
    id: row.id,
    number: row.number,
    townCode: row.townCode,
    state: row.state,
    payeeName: row.payeeName,
    members: row.members,
    totalYuan: fenToYuanString(row.totalFen),
    submittedOn: row.submittedOn,
    townOpinionDueOn: row.townDueOn,
    decisionDueOn: row.decisionDueOn,
    decision: row.decision,
    decisionLate: row.decisionLate,
    nextReviewOn: row.nextReviewOn,
  };
}
