/**
 * Vendors' recommendations awaiting a decision as inbox tasks (src/platform/deadlines): the clerks of the
 * recommendation's 镇区 decide it within `recommendationDecisionWorkingDays` working days of its submission; once
 * overdue it is escalated, and the programme admins (who may decide any recommendation) have it in their inbox too.
 * The vendor never gets the task: its role does not decide (commands/contracts.ts, mayDecideRecommendation).
 *
 * The due date is not stored: it is counted from the submission on the calendar in force, so it is never listed
 * among the deadlines a new holiday notice changes.
 */
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import { toShanghaiDate } from "../../core/dates";
import { maskName } from "../../core/masking";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskAssignee } from "../../platform/deadlines/deadlines";
import { servicesDb } from "./tables";

/** Working days the owning department has to decide a vendor's recommendation (the issue is silent; our choice). */
export const recommendationDecisionWorkingDays = 10;

const kindLabels: Record<string, string> = {
  assistance: "救助建议",
  other: "其他建议",
};

export async function recommendationDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const rows = await servicesDb(executor)
    .selectFrom("services_recommendations as r")
    .innerJoin("services_contracts as c", "c.id", "r.contract_id")
    .innerJoin("services_needs as n", "n.id", "c.need_id")
    .innerJoin("services_vendors as v", "v.id", "c.vendor_id")
    .select([
      "r.id",
      "r.kind",
      "r.subject_name",
      "r.town_code",
      "r.submitted_at",
      "n.title as need_title",
      "v.name as vendor_name",
      "c.signed_on",
    ])
    .where("r.status", "=", "pending")
    .orderBy("r.submitted_at")
    .orderBy("r.id")
    .execute();
  const day = today();
  return rows.map((row) => {
    const submittedOn = toShanghaiDate(new Date(row.submitted_at));
    const dueOn = addWorkingDays(submittedOn, recommendationDecisionWorkingDays);
    const overdue = dueOn < day;
    const assignees: TaskAssignee[] = [{ role: "clerk", townCode: row.town_code }];
    if (overdue) assignees.push({ role: "programme_admin" });
    return {
      module: "services",
      kind: "services.recommendation_decision",
      label: overdue
        ? "机构建议待决定，已逾期升级 (recommendation decision overdue: escalated)"
        : "机构建议待决定 (recommendation awaiting a decision)",
      entityType: "services_recommendation",
      entityId: row.id,
      reference: `${row.vendor_name}：${kindLabels[row.kind] ?? row.kind}`,
      // Whose household it concerns, masked (the task goes to the 镇区's clerks, then to programme admins).
      subject: maskName(row.subject_name),
      townCode: row.town_code,
      dueOn,
      recompute: () => addWorkingDays(submittedOn, recommendationDecisionWorkingDays),
      assignees,
      link: "/console/services/recommendations",
      history: [
        { on: row.signed_on, label: `签订服务合同：${row.need_title} (contract signed: ${row.need_title})` },
        { on: submittedOn, label: "机构提出建议 (vendor recommended)" },
      ],
    };
  });
}
