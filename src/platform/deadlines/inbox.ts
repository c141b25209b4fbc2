/**
 * One inbox per officer across modules: the open deadlines every module publishes through its `deadlines` source
 * (src/platform/deadlines/deadlines.ts) that name assignees, filtered to the caller's grants, with the working days
 * left counted on the working-day calendar. The inbox never reads a module's tables; a module joins the inbox by
 * giving its deadlines `assignees`, a `link` and a `history`.
 */
import { isProvisionalDate, workingDaysBetween } from "../../core/calendar";
import type { Actor } from "../roles";
import type { OpenDeadline, TaskAssignee, TaskHistoryStep } from "./deadlines";

/** One task of an officer's inbox. */
export interface InboxTask {
  /** Stable within the module: `<kind>:<entityId>`. */
  id: string;
  module: string;
  kind: string;
  label: string;
  entityType: string;
  entityId: string;
  reference: string;
  /** Whose item it is, when the module names it (null otherwise). */
  subject: string | null;
  townCode: string | null;
  dueOn: string;
  /** Working days from today to the due date: 0 due today, negative overdue by that many working days. */
  workingDaysLeft: number;
  overdue: boolean;
  /** The due date lies in a year without an official holiday notice: it may move when the notice comes. */
  provisional: boolean;
  link: string | null;
  history: TaskHistoryStep[];
}

/**
 * Tells whether one of the actor's grants matches an assignee (a grant without town or department covers all); an
 * assignee naming an account matches that account only.
 */
export function grantMatches(actor: Actor, assignee: TaskAssignee): boolean {
  if (assignee.accountId !== undefined && assignee.accountId !== actor.id) return false;
  return actor.grants.some(
    (grant) =>
      grant.role === assignee.role &&
      (!assignee.townCode || grant.townCode === null || grant.townCode === assignee.townCode) &&
      (!assignee.departmentCode || grant.departmentCode === null || grant.departmentCode === assignee.departmentCode),
  );
}

/** The caller's tasks among the open deadlines, most urgent first (fewest working days left, then reference). */
export function inboxTasks(deadlines: readonly OpenDeadline[], actor: Actor, today: string): InboxTask[] {
  return deadlines
    .filter((deadline) => deadline.assignees?.some((assignee) => grantMatches(actor, assignee)))
    .map((deadline) => {
      const workingDaysLeft = workingDaysBetween(today, deadline.dueOn);
      return {
        id: `${deadline.kind}:${deadline.entityId}`,
        module: deadline.module,
        kind: deadline.kind,
        label: deadline.label,
        entityType: deadline.entityType,
        entityId: deadline.entityId,
        reference: deadline.reference,
        subject: deadline.subject ?? null,
        townCode: deadline.townCode,
        dueOn: deadline.dueOn,
        workingDaysLeft,
        overdue: deadline.dueOn < today,
        provisional: isProvisionalDate(deadline.dueOn),
        link: deadline.link ?? null,
        history: deadline.history ?? [],
      };
    })
    .sort((a, b) =>
      a.dueOn !== b.dueOn
        ? a.dueOn < b.dueOn
          ? -1
          : 1
        : a.reference < b.reference
          ? -1
          : a.reference > b.reference
            ? 1
            : 0,
    );
}
