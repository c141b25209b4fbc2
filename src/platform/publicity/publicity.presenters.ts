import type { Objection, ObjectionSubject } from "./publicity.objections";
import { objectionDeadline } from "./publicity.objections";
import type { EntryDifference, PublicityEntry, PublicityList } from "./publicity.lists";

/**
 * A list header for anyone: no subject key, no publisher. `periodEnded` tells whether the publicity period is
 * over on `today` (the platform clock's date): the last day of publicity is `endDate`, so it ends the day after.
 */
export function presentList(list: PublicityList, today: string) {
  return {
    id: list.id,
    kind: list.kind,
    version: list.version,
    title: list.title,
    townCode: list.townCode,
    startDate: list.startDate,
    workingDays: list.workingDays,
    endDate: list.endDate,
    periodEnded: today > list.endDate,
    status: list.status,
    columns: list.columns,
    publishedAt: list.publishedAt,
    entryCount: list.entryCount,
  };
}

/** A public entry: masked name and ID number only, never the subject record's id. */
export function presentEntry(entry: PublicityEntry) {
  return {
    id: entry.id,
    rank: entry.rank,
    maskedName: entry.maskedName,
    maskedIdNumber: entry.maskedIdNumber,
    townCode: entry.townCode,
    values: entry.values,
  };
}

/** A difference between versions for the public: masked name, rank and values before and after. */
export function presentDifference(difference: EntryDifference) {
  return {
    maskedName: difference.maskedName,
    changed: difference.changed,
    before: difference.before,
    after: difference.after,
  };
}

/** A published objection outcome: which entry and indicator, the decision and its reason; never who raised it. */
export function presentObjectionOutcome(objection: Objection, entryRank: number | null, maskedName: string) {
  return {
    id: objection.id,
    entryId: objection.entryId,
    rank: entryRank,
    maskedName,
    indicator: objection.indicator,
    status: objection.status,
    answer: objection.answer,
    answeredOn: objection.answeredOn,
  };
}

/** An objection for staff and the person who raised it, with its current deadline. */
export function presentObjection(objection: Objection, today: string, subject?: ObjectionSubject) {
  return {
    ...(subject ?? {}),
    id: objection.id,
    listId: objection.listId,
    entryId: objection.entryId,
    townCode: objection.townCode,
    indicator: objection.indicator,
    departmentCode: objection.departmentCode,
    reason: objection.reason,
    raisedOn: objection.raisedOn,
    forwardDue: objection.forwardDue,
    checkDue: objection.checkDue,
    status: objection.status,
    answer: objection.answer,
    answeredOn: objection.answeredOn,
    fileIds: objection.fileIds,
    version: objection.version,
    deadline: objectionDeadline(objection, today),
  };
}
