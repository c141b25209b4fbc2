/** The publicity's open deadlines: lists still in publicity, objections not yet forwarded or answered. */
import { addWorkingDays } from "../../core/calendar";
import { toShanghaiDate } from "../../core/dates";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../deadlines/deadlines";
import { publicityEndDate } from "./publicity.lists";
import { checkWorkingDays, forwardWorkingDays } from "./publicity.objections";
import { publicityDb } from "./publicity.tables";

/**
 * End dates of lists in publicity, and the forward and check deadlines of open objections: forwarding is a task of
 * the 镇区's clerks (programme admins for city-wide lists), the check a task of the department's verifiers.
 */
export async function publicityDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const db = publicityDb(executor);
  const lists = await db
    .selectFrom("publicity_lists")
    .select(["id", "title", "town_code", "start_date", "working_days", "end_date"])
    .where("status", "=", "publicised")
    .execute();
  const objections = await db
    .selectFrom("publicity_objections")
    .select(["id", "town_code", "department_code", "status", "raised_on", "forward_due", "check_due", "forwarded_at"])
    .where("status", "in", ["received", "forwarded"])
    .execute();
  const deadlines: OpenDeadline[] = lists.map((row) => ({
    module: "publicity",
    kind: "publicity.list_end",
    label: "公示结束日期 (publicity ends)",
    entityType: "publicity_list",
    entityId: row.id,
    reference: row.title,
    townCode: row.town_code,
    dueOn: row.end_date,
    recompute: () => publicityEndDate(row.start_date, row.working_days),
  }));
  for (const row of objections) {
    const base = {
      module: "publicity",
      entityType: "publicity_objection",
      entityId: row.id,
      reference: row.id.slice(0, 8),
      townCode: row.town_code,
      link: "/console/points/queue",
    };
    const raised = { on: row.raised_on, label: "提出异议 (objection raised)" };
    const forwardDue = () => addWorkingDays(row.raised_on, forwardWorkingDays);
    if (row.status === "received")
      deadlines.push({
        ...base,
        kind: "publicity.objection_forward",
        label: "异议转交期限 (forward the objection by)",
        dueOn: row.forward_due,
        recompute: forwardDue,
        assignees: row.town_code ? [{ role: "clerk", townCode: row.town_code }] : [{ role: "programme_admin" }],
        history: [raised],
      });
    deadlines.push({
      ...base,
      kind: "publicity.objection_check",
      label: "异议核查期限 (objection check due)",
      dueOn: row.check_due,
      recompute: () => addWorkingDays(forwardDue(), checkWorkingDays),
      ...(row.status === "forwarded" && row.department_code
        ? {
            assignees: [{ role: "verifier" as const, departmentCode: row.department_code }],
            history: [
              raised,
              ...(row.forwarded_at
                ? [
                    {
                      on: toShanghaiDate(new Date(row.forwarded_at)),
                      label: "转交核查部门 (forwarded to the department)",
                    },
                  ]
                : []),
            ],
          }
        : {}),
    });
  }
  return deadlines;
}
