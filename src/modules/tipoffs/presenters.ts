/**
 * Tip-offs as the API shows them. The reporter's identity is read here and only here, and only for the officer of
 * the handling department who has taken the tip: every other caller gets `reporter: null`, whatever their role.
 */
import { clock } from "../../core/clock";
import { fenToYuanString } from "../../core/money";
import type { Executor } from "../../db/transaction";
import type { Actor } from "../../platform/roles";
import { isHandlingOfficer, readsReporter } from "./policies";
import { eventsOf, photosOf, reporterOf, type TipoffEvent, type TipoffRecord } from "./repository";

function reward(tipoff: TipoffRecord) {
  if (tipoff.rewardFen === null || !tipoff.rewardGrantedOn) return null;
  return {
    amountYuan: fenToYuanString(tipoff.rewardFen),
    note: tipoff.rewardNote ?? "",
    grantedOn: tipoff.rewardGrantedOn,
    collectedOn: tipoff.rewardCollectedOn,
  };
}

function event(item: TipoffEvent) {
  return {
    kind: item.kind,
    author: item.author,
    text: item.text,
    toReporter: item.toReporter,
    createdAt: item.createdAt.toISOString(),
  };
}

/** A queue row. */
export function presentTipoffSummary(actor: Actor | null, tipoff: TipoffRecord) {
  return {
    id: tipoff.id,
    reference: tipoff.reference,
    categoryCode: tipoff.categoryCode,
    categoryName: tipoff.categoryName,
    campaignCode: tipoff.campaignCode,
    townCode: tipoff.townCode,
    place: tipoff.place,
    state: tipoff.state,
    channel: tipoff.channel,
    anonymous: tipoff.anonymous,
    departmentCode: tipoff.departmentCode,
    departmentName: tipoff.departmentName,
    submittedOn: tipoff.submittedOn,
    dueOn: tipoff.dueOn,
    overdue: (tipoff.state === "submitted" || tipoff.state === "investigating") && tipoff.dueOn < clock.today(),
    assignedToMe: actor !== null && tipoff.assignedAccountId === actor.id,
  };
}

/** A tip-off for staff; the reporter is read only for the handling department's officer assigned to it. */
export async function presentTipoffForStaff(executor: Executor, actor: Actor, tipoff: TipoffRecord) {
  const handling = isHandlingOfficer(actor, tipoff);
  const reporter = readsReporter(actor, tipoff) ? await reporterOf(executor, tipoff.id) : undefined;
  return {
    ...presentTipoffSummary(actor, tipoff),
    description: tipoff.description,
    latitude: tipoff.latitude,
    longitude: tipoff.longitude,
    outcomeNote: tipoff.outcomeNote,
    decidedOn: tipoff.decidedOn,
    reward: reward(tipoff),
    events: (await eventsOf(executor, tipoff.id)).map(event),
    photos: (await photosOf(executor, tipoff.id)).map((photo) => ({
      id: photo.id,
      mediaType: photo.mediaType,
      sizeBytes: photo.sizeBytes,
      sha256: photo.sha256,
      createdAt: photo.createdAt.toISOString(),
    })),
    handling,
    reporter: reporter
      ? {
          name: reporter.name,
          phone: reporter.phone,
          email: reporter.email,
          idNumber: reporter.idNumber,
          signedIn: reporter.accountId !== null,
          personLinked: reporter.personId !== null,
        }
      : null,
    version: tipoff.version,
  };
}

/** What the reporter sees with the receipt code: the case, the department's messages, the reward. */
export async function presentTipoffForReporter(executor: Executor, tipoff: TipoffRecord) {
  return {
    reference: tipoff.reference,
    categoryName: tipoff.categoryName,
    townCode: tipoff.townCode,
    place: tipoff.place,
    description: tipoff.description,
    state: tipoff.state,
    submittedOn: tipoff.submittedOn,
    dueOn: tipoff.dueOn,
    departmentName: tipoff.departmentName,
    outcomeNote: tipoff.outcomeNote,
    decidedOn: tipoff.decidedOn,
    reward: reward(tipoff),
    events: (await eventsOf(executor, tipoff.id, true)).map(event),
    photoCount: (await photosOf(executor, tipoff.id)).length,
  };
}
