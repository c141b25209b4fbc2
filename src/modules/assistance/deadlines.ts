/** The assistance module's open deadlines, for the calendar's list of deadlines a new official year changes. */
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { assistanceDb } from "./tables";
import { decisionDue, publicityEnd, referralDue, townOpinionDue } from "./workflow";

/**
 * Town opinions not yet given (a task of the 镇区's clerks), publicities running, and decisions not yet taken (a
 * task of the programme admins), with the case's history for the inbox; and referrals (转介) from other modules
 * waiting for the 镇区's desk to accept or decline them.
 */
export async function assistanceDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const db = assistanceDb(executor);
  const cases = await db
    .selectFrom("assistance_cases")
    .select([
      "id",
      "number",
      "town_code",
      "state",
      "submitted_on",
      "town_due_on",
      "publicity_start_on",
      "publicity_end_on",
      "decision_due_on",
    ])
    .where("state", "in", ["submitted", "investigated", "appraised", "town_reviewed", "publicised"])
    .execute();
  const reviewed = cases.filter((row) => row.state === "town_reviewed").map((row) => row.id);
  const opinions =
    reviewed.length === 0
      ? []
      : await db
          .selectFrom("assistance_case_events")
          .select(["case_id", "on_date"])
          .where("kind", "=", "town_opinion")
          .where("case_id", "in", reviewed)
          .orderBy("created_at")
          .execute();
  const opinionOn = new Map(opinions.map((row) => [row.case_id, row.on_date]));
  const deadlines: OpenDeadline[] = [];
  for (const row of cases) {
    const base = {
      module: "assistance",
      entityType: "assistance_case",
      entityId: row.id,
      reference: row.number,
      townCode: row.town_code,
      link: `/console/assistance/cases/${row.id}`,
    };
    const submittedOn = row.submitted_on;
    if (["submitted", "investigated", "appraised"].includes(row.state)) {
      deadlines.push({
        ...base,
        kind: "assistance.town_opinion",
        label: "镇街审核意见期限 (town opinion due)",
        dueOn: row.town_due_on,
        recompute: () => townOpinionDue(submittedOn),
        assignees: [{ role: "clerk", townCode: row.town_code }],
        history: [{ on: submittedOn, label: "受理申请 (application received)" }],
      });
    }
    if (row.state === "publicised" && row.publicity_start_on && row.publicity_end_on) {
      const startOn = row.publicity_start_on;
      deadlines.push({
        ...base,
        kind: "assistance.publicity_end",
        label: "公示结束日期 (publicity ends)",
        dueOn: row.publicity_end_on,
        recompute: () => publicityEnd(startOn),
      });
      if (row.decision_due_on) {
        deadlines.push({
          ...base,
          kind: "assistance.decision",
          label: "审批期限 (decision due)",
          dueOn: row.decision_due_on,
          recompute: () => decisionDue(publicityEnd(startOn)),
          assignees: [{ role: "programme_admin" }],
          history: [
            { on: submittedOn, label: "受理申请 (application received)" },
            { on: startOn, label: "开始公示 (publicity started)" },
          ],
        });
      }
    }
    const givenOn = opinionOn.get(row.id);
    if (row.state === "town_reviewed" && row.decision_due_on && givenOn) {
      deadlines.push({
        ...base,
        kind: "assistance.decision",
        label: "审批期限 (decision due)",
        dueOn: row.decision_due_on,
        recompute: () => decisionDue(givenOn),
        assignees: [{ role: "programme_admin" }],
        history: [
          { on: submittedOn, label: "受理申请 (application received)" },
          { on: givenOn, label: "镇街审核意见 (town opinion given)" },
        ],
      });
    }
  }
  const referrals = await db
    .selectFrom("assistance_referrals")
    .select(["id", "town_code", "subject_name", "source_name", "received_on", "due_on"])
    .where("status", "=", "pending")
    .execute();
  for (const row of referrals) {
    const receivedOn = row.received_on;
    deadlines.push({
      module: "assistance",
      entityType: "assistance_referral",
      entityId: row.id,
      reference: row.subject_name,
      townCode: row.town_code,
      link: "/console/assistance/referrals",
      kind: "assistance.referral",
      label: "转介受理期限 (referral to accept or decline)",
      dueOn: row.due_on,
      recompute: () => referralDue(receivedOn),
      assignees: [{ role: "clerk", townCode: row.town_code }],
      history: [{ on: receivedOn, label: `收到${row.source_name}的转介 (referral received)` }],
    });
  }
  return deadlines;
}
