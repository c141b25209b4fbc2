/**
 * The escalation run (a recurring job): every open joint task overdue by working days moves up to the level it has
 * reached — the lead department, the programme admin, the joint meeting's agenda — with a history event and an audit
 * entry per step. Re-running on the same day changes nothing.
 */
import { clock } from "../../../core/clock";
import { ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit } from "../../../platform/commands/context";
import { escalationLabels, escalationLevel, escalationStepNames } from "../escalation";
import { coordinationDb } from "../tables";
import { addOverdueToAgenda } from "./meetings";
import { taskEvent, type CoordinationContext } from "./tasks";

/** What one run did. */
export interface EscalationSummary {
  today: string;
  escalated: number;
  toLead: number;
  toProgrammeAdmin: number;
  toAgenda: number;
}

/** Escalates the overdue open tasks to the level they have reached today. */
export async function escalateOverdueTasks(trx: Trx, context: CoordinationContext): Promise<Result<EscalationSummary>> {
  const today = clock.today();
  const db = coordinationDb(trx);
  const tasks = await db
    .selectFrom("coordination_tasks as t")
    .leftJoin("coordination_cases as c", "c.id", "t.case_id")
    .select(["t.id", "t.due_on", "t.escalation_level", "t.case_id", "c.town_code"])
    .where("t.status", "=", "open")
    .where("t.due_on", "<", today)
    .forUpdate("t")
    .execute();
  const summary: EscalationSummary = { today, escalated: 0, toLead: 0, toProgrammeAdmin: 0, toAgenda: 0 };
  for (const task of tasks) {
    let level: number = escalationLevel(task.due_on, today);
    // A meeting's action item has no lead department: its first step is the programme admin.
    if (level === 1 && task.case_id === null) level = 2;
    if (level <= task.escalation_level) continue;
    await db
      .updateTable("coordination_tasks")
      .set({ escalation_level: level, escalated_on: today })
      .where("id", "=", task.id)
      .execute();
    const step = escalationStepNames[level];
    await taskEvent(trx, context, task.id, `escalated.${step}`, escalationLabels[step]);
    await audit(trx, context, {
      action: "coordination.task.escalate",
      entityType: "coordination_task",
      entityId: task.id,
      townCode: task.town_code,
      before: { escalationLevel: task.escalation_level },
      after: { escalationLevel: level, step, dueOn: task.due_on, on: today },
    });
    summary.escalated += 1;
    if (level === 1) summary.toLead += 1;
    if (level === 2) summary.toProgrammeAdmin += 1;
    if (level === 3) summary.toAgenda += 1;
  }
  // Escalated tasks join the agenda of every meeting still planned.
  if (summary.toAgenda > 0) {
    const planned = await db
      .selectFrom("coordination_meetings")
      .select("id")
      .where("status", "=", "planned")
      .where("held_on", ">=", today)
      .execute();
    for (const meeting of planned) await addOverdueToAgenda(trx, meeting.id, today);
  }
  return ok(summary);
}
