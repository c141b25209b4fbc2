/**
 * The tip-offs module's open deadlines (investigation due): for the calendar's list of changed deadlines, and as
 * tasks in the inbox of the handling department's verifiers, linked to the tip's page, with its history (what
 * happened and when — never the reporter's identity nor the text of messages). Once overdue, the tip is escalated:
 * programme admins have it in their inbox too.
 */
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import { toShanghaiDate } from "../../core/dates";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskHistoryStep } from "../../platform/deadlines/deadlines";
import { tipoffsDb } from "./tables";

const eventLabels: Record<string, string> = {
  submitted: "收到举报 (reported)",
  information: "举报人补充信息 (reporter added information)",
  message: "部门留言 (department message)",
  taken: "受理核查 (taken up)",
  verified: "核实 (verified)",
  not_verified: "未核实 (not verified)",
  reward: "登记奖励 (reward granted)",
  reward_collected: "奖励已领取 (reward collected)",
};

/** Tips not yet decided: their investigation deadline, counted in working days from the report. */
export async function tipoffDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const db = tipoffsDb(executor);
  const rows = await db
    .selectFrom("tipoffs")
    .select(["id", "reference", "town_code", "department_code", "submitted_on", "due_on", "investigation_days"])
    .where("state", "in", ["submitted", "investigating"])
    .orderBy("due_on")
    .execute();
  const history = new Map<string, TaskHistoryStep[]>();
  if (rows.length > 0) {
    const events = await db
      .selectFrom("tipoff_events")
      .select(["tipoff_id", "kind", "created_at"])
      .where(
        "tipoff_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("created_at")
      .execute();
    const reportedOn = new Map(rows.map((row) => [row.id, row.submitted_on]));
    // The report's own date is the tip's (the clock's); later steps are dated when they were stored.
    for (const event of events)
      history.set(event.tipoff_id, [
        ...(history.get(event.tipoff_id) ?? []),
        {
          on:
            event.kind === "submitted" ? reportedOn.get(event.tipoff_id)! : toShanghaiDate(new Date(event.created_at)),
          label: eventLabels[event.kind] ?? event.kind,
        },
      ]);
  }
  const day = today();
  return rows.map((row) => ({
    module: "tipoffs",
    kind: "tipoffs.investigation",
    label:
      row.due_on < day ? "线索核查逾期，已升级 (investigation overdue: escalated)" : "线索核查期限 (investigation due)",
    entityType: "tipoff",
    entityId: row.id,
    reference: row.reference,
    townCode: row.town_code,
    dueOn: row.due_on,
    recompute: () => addWorkingDays(row.submitted_on, row.investigation_days),
    assignees: [
      { role: "verifier", departmentCode: row.department_code },
      ...(row.due_on < day ? [{ role: "programme_admin" as const }] : []),
    ],
    link: `/console/tipoffs/${row.id}`,
    history: history.get(row.id) ?? [{ on: row.submitted_on, label: eventLabels.submitted }],
  }));
}
