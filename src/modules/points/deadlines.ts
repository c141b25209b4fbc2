/** The points module's open deadlines: facts waiting to be sent to their department, and department checks. */
import { addWorkingDays } from "../../core/calendar";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { checkDays, forwardDays } from "./commands/facts";
import { pointsDb } from "./points.tables";

/** Declared facts (forward within 5 working days) and facts with a department (check within 5 working days). */
export async function pointsDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const facts = await pointsDb(executor)
    .selectFrom("points_facts")
    .select(["id", "fact", "town_code", "status", "declared_on", "forward_due", "sent_on", "check_due"])
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
      },
    ];
  });
}
