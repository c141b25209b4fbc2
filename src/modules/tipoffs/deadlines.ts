/** The tip-offs module's open deadlines (investigation due), for the calendar's list of changed deadlines. */
import { addWorkingDays } from "../../core/calendar";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { tipoffsDb } from "./tables";

/** Tips not yet decided: their investigation deadline, counted in working days from the report. */
export async function tipoffDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const rows = await tipoffsDb(executor)
    .selectFrom("tipoffs")
    .select(["id", "reference", "town_code", "submitted_on", "due_on", "investigation_days"])
    .where("state", "in", ["submitted", "investigating"])
    .orderBy("due_on")
    .execute();
  return rows.map((row) => ({
    module: "tipoffs",
    kind: "tipoffs.investigation",
    label: "线索核查期限 (investigation due)",
    entityType: "tipoff",
    entityId: row.id,
    reference: row.reference,
    townCode: row.town_code,
    dueOn: row.due_on,
    recompute: () => addWorkingDays(row.submitted_on, row.investigation_days),
  }));
}
