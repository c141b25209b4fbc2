/**
 * Open deadlines across modules, for the working-day calendar: when the official arrangement of a year is added,
 * the deadlines already stored were counted on the provisional year, and staff must see which ones the notice
 * changes — they are listed, not silently moved. Each module publishes its open deadlines through this one small
 * interface (`deadlines` in its manifest); the platform never reads module tables itself.
 */
import type { Executor } from "../../db/transaction";
import type { Role } from "../roles";

/**
 * Who must act on an open item: every officer holding `role` (and, when given, for this 镇区 or this department;
 * a grant without a town or department covers all) sees the item as a task in their inbox — or, with `accountId`,
 * only that one officer (still holding `role`), e.g. the reviewer assigned to score an application.
 */
export interface TaskAssignee {
  role: Role;
  townCode?: string | null;
  departmentCode?: string | null;
  accountId?: string;
}

/** One step of an item's history as its module tells it, oldest first. */
export interface TaskHistoryStep {
  on: string;
  label: string;
}

/** One stored deadline of an open item, with the rule that computed it. */
export interface OpenDeadline {
  /** The module that owns the item, e.g. "assistance". */
  module: string;
  /** What the deadline is, e.g. "assistance.decision". */
  kind: string;
  /** The deadline's name for staff, Chinese then English. */
  label: string;
  entityType: string;
  entityId: string;
  /** A short reference staff recognise (a case number, a list title), or what the item is ("中文 (English)"). */
  reference: string;
  /** Whose item it is (a person's name, masked when the assignees see masked data), shown before the reference. */
  subject?: string;
  townCode: string | null;
  /** The date stored when the deadline was set. */
  dueOn: string;
  /** The same rule from the same start, on the calendar in force now. */
  recompute: () => string;
  /** The officers who must act: the item is a task in their inbox (absent: a deadline only, not a task). */
  assignees?: TaskAssignee[];
  /** The item's page in the web app (e.g. `/console/points/queue`), so the inbox links to it in its module. */
  link?: string;
  /** What happened to the item so far, oldest first (shown in the inbox). */
  history?: TaskHistoryStep[];
}

/** A module's source of open deadlines. */
export type DeadlineSource = (db: Executor) => Promise<OpenDeadline[]>;

/** An open deadline whose date the calendar in force now would set differently. */
export type DeadlineChange = Omit<OpenDeadline, "recompute"> & { recomputedOn: string };

/** Every open deadline of the given modules, in module order. */
export async function openDeadlines(
  modules: readonly { deadlines?: DeadlineSource }[],
  db: Executor,
): Promise<OpenDeadline[]> {
  const all: OpenDeadline[] = [];
  for (const module of modules) if (module.deadlines) all.push(...(await module.deadlines(db)));
  return all;
}

/** The deadlines whose rule gives another date on the calendar in force now, earliest stored date first. */
export function deadlineChanges(deadlines: readonly OpenDeadline[]): DeadlineChange[] {
  return deadlines
    .map(({ recompute, ...deadline }) => ({ ...deadline, recomputedOn: recompute() }))
    .filter((change) => change.recomputedOn !== change.dueOn)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.entityId < b.entityId ? -1 : 1));
}
