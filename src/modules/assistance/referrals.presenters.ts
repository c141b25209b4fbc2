/** Referral rows → the API shape. */
import type { ReferralRecord } from "./referrals.repository";

export function presentReferral(referral: ReferralRecord) {
  return {
    id: referral.id,
    sourceModule: referral.sourceModule,
    sourceId: referral.sourceId,
    sourceContractId: referral.sourceContractId,
    sourceName: referral.sourceName,
    subjectName: referral.subjectName,
    subjectPersonId: referral.subjectPersonId,
    townCode: referral.townCode,
    reason: referral.reason,
    status: referral.status,
    receivedOn: referral.receivedOn,
    dueOn: referral.dueOn,
    receivedAt: new Date(referral.receivedAt).toISOString(),
    caseId: referral.caseId,
    caseNumber: referral.caseNumber,
    decidedAt: referral.decidedAt ? new Date(referral.decidedAt).toISOString() : null,
    decisionNote: referral.decisionNote,
  };
}
