/**
 * Verified tips → the points scheme (计分标准 `verified_tips_5y`, 0.3 points a tip, capped by the scorecard):
 * counts each reporter's tips verified in the last five years and reports every count that changed through the
 * points module's `recordReportedCount` (the dependency goes tip-offs → points, never back). It runs as a daily
 * job, not inside the decision: a score change is then not tied to the moment or request of one tip's decision,
 * and tips that pass the five-year window drop out of the count by themselves.
 */
import { clock } from "../../../core/clock";
import { addMonths } from "../../../core/dates";
import { ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import type { CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { recordReportedCount } from "../../points/commands/reported-facts";
import { tipoffsDb } from "../tables";

/** The system name of the refresh in audit entries. */
export const refreshUsername = "tipoffs.points-facts";

/** Reports changed verified-tip counts; returns how many persons' counts were sent and how many were enrolled. */
export async function refreshVerifiedTipFacts(
  trx: Trx,
  context: CommandContext<Actor | null>,
): Promise<Result<{ reported: number; enrolled: number }>> {
  const today = clock.today();
  const since = addMonths(today, -60);
  const db = tipoffsDb(trx);
  const counts = await db
    .selectFrom("tipoffs as t")
    .innerJoin("tipoff_reporters as r", "r.tipoff_id", "t.id")
    .select(["r.person_id", "t.department_code"])
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("t.state", "=", "verified")
    .where("t.decided_on", ">", since)
    .where("r.person_id", "is not", null)
    .groupBy(["r.person_id", "t.department_code"])
    .execute();
  const byPerson = new Map<string, { count: number; department: string }>();
  for (const row of counts) {
    const seen = byPerson.get(row.person_id!);
    const count = Number(row.count) + (seen?.count ?? 0);
    // The department with the most verified tips confirms the fact.
    const department = !seen || Number(row.count) > seen.count ? row.department_code : seen.department;
    byPerson.set(row.person_id!, { count, department });
  }
  const previous = await db.selectFrom("tipoff_points_reported").selectAll().execute();
  for (const row of previous)
    if (!byPerson.has(row.person_id)) byPerson.set(row.person_id, { count: 0, department: "public_security" });
  const last = new Map(previous.map((row) => [row.person_id, row.verified_count]));
  let reported = 0;
  let enrolled = 0;
  for (const [personId, { count, department }] of [...byPerson].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (last.get(personId) === count) continue;
    const result = await recordReportedCount(trx, context, {
      personId,
      fact: "verified_tips_5y",
      count,
      departmentCode: department,
      source: "举报线索经处理部门核实",
    });
    if (!result.ok) return result;
    reported += 1;
    if (result.value.enrolled) enrolled += 1;
    await db
      .insertInto("tipoff_points_reported")
      .values({ person_id: personId, verified_count: count, reported_on: today })
      .onConflict((conflict) => conflict.column("person_id").doUpdateSet({ verified_count: count, reported_on: today }))
      .execute();
  }
  return ok({ reported, enrolled });
}
