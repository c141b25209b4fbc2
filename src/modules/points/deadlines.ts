/** The points module's open deadlines: facts waiting to be sent to their department, and department checks. */
import { addWorkingDays } from "../../core/calendar";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { checkDays, forwardDays } from "./commands/facts";
import { pointsDb } from "./points.tables";

/**
 * Declared facts (forward within 5 working days: a task of the 镇区's clerks) and facts with a department (check
 * within 5 working days: a task of that department's verifiers), with their history for the inbox.
 */
export async function pointsDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const facts = await pointsDb(executor)
    .selectFrom("points_facts")
    .select([
      "id",
      "enrolment_id",
      "fact",
      "town_code",
      "department_code",
      "status",
      "declared_on",
      "forward_due",
      "sent_on",
      "check_due",
    ])
    .where("status", "in", ["declared", "with_department"])
    .execute();
  return facts.flatMap((row): OpenDeadline[] => {
    const base = {
      module: "points",
      entityType: "points_fact",
      entityId: row.id,
      reference: row.fact,
      townCode: row.town_code,
    };
    if (row.status === "declared") {
      const declaredOn = row.declared_on;
      return [
        {
          ...base,
          kind: "points.fact_forward",
          label: "事项转交期限 (forward to the department by)",
          dueOn: row.forward_due,
          recompute: () => addWorkingDays(declaredOn, forwardDays),
          assignees: [{ role: "clerk", townCode: row.town_code }],
          link: `/console/points/enrolments/${row.enrolment_id}`,
          history: [{ on: declaredOn, label: "申报 (declared)" }],
        },
      ];
    }
    if (!row.sent_on || !row.check_due) return [];
    const sentOn = row.sent_on;
    return [
      {
        ...base,
        kind: "points.fact_check",
        label: "部门核查期限 (department check due)",
        dueOn: row.check_due,
        recompute: () => addWorkingDays(sentOn, checkDays),
        assignees: [{ role: "verifier", departmentCode: row.department_code }],
        link: "/console/points/queue",
        history: [
          { on: row.declared_on, label: "申报 (declared)" },
          { on: sentOn, label: "转交部门核查 (sent to the department)" },
        ],
      },
    ];
  });
}
