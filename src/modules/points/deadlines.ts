/** The points module's open deadlines: facts waiting to be sent to their department, and department checks. */
import { addWorkingDays } from "../../core/calendar";
import { maskName } from "../../core/masking";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { bothLabels } from "../../platform/labels/labels";
import { checkDays, forwardDays } from "./commands/facts";
import { pointsDb } from "./points.tables";

/**
 * Declared facts (forward within 5 working days: a task of the 镇区's clerks) and facts with a department (check
 * within 5 working days: a task of that department's verifiers), with their history for the inbox.
 */
export async function pointsDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const facts = await pointsDb(executor)
    .selectFrom("points_facts as f")
    .innerJoin("points_enrolments as e", "e.id", "f.enrolment_id")
    .innerJoin("persons as p", "p.id", "e.person_id")
    .select([
      "f.id",
      "f.enrolment_id",
      "f.fact",
      "f.town_code",
      "f.department_code",
      "f.status",
      "f.declared_on",
      "f.forward_due",
      "f.sent_on",
      "f.check_due",
      "p.name",
    ])
    .where("f.status", "in", ["declared", "with_department"])
    .execute();
  return facts.flatMap((row): OpenDeadline[] => {
    const fact = bothLabels("pointsFact", row.fact);
    const base = {
      module: "points",
      entityType: "points_fact",
      entityId: row.id,
      reference: `${fact.zh} (${fact.en})`,
      townCode: row.town_code,
    };
    if (row.status === "declared") {
      const declaredOn = row.declared_on;
      return [
        {
          ...base,
          // The 镇区's clerks see its residents' names; department verifiers see them masked.
          subject: row.name,
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
        subject: maskName(row.name),
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
