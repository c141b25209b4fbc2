/**
 * Counts that another module reports as confirmed facts of an enrolled person (the tip-offs module: tips its
 * handling department verified). The reporting module passes the count and the department; it never reads the
 * points tables, and this module never reads its tables: the dependency goes one way, reporter → points.
 */
import { ok, type Result } from "../../../core/result";
import { clock } from "../../../core/clock";
import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { pointsDb } from "../points.tables";
import { findEnrolmentOfPerson } from "../repository";
import { rescoreEnrolment, tellResident } from "./scores";

/** The facts another module may report as counts, with the wording the resident reads. */
export const reportedCountFacts = {
  verified_tips_5y: { zh: "经核实的举报线索宗数（近5年）" },
} as const;

/** One fact another module may report. */
export type ReportedCountFact = keyof typeof reportedCountFacts;

/**
 * Sets the count of a reported fact for a person, confirmed by the named department, and rescores. A person
 * without an enrolment is not in the points scheme: nothing changes (`{ enrolled: false }`). The reason names
 * the source but no details of the cases behind the count.
 */
export async function recordReportedCount(
  trx: Trx,
  context: CommandContext<Actor | null>,
  input: { personId: string; fact: ReportedCountFact; count: number; departmentCode: string; source: string },
): Promise<Result<{ enrolled: boolean; changed: boolean }>> {
  const enrolment = await findEnrolmentOfPerson(trx, input.personId);
  if (!enrolment) return ok({ enrolled: false, changed: false });
  const db = pointsDb(trx);
  const today = clock.today();
  const current = await db
    .selectFrom("points_facts")
    .selectAll()
    .where("enrolment_id", "=", enrolment.id)
    .where("fact", "=", input.fact)
    .executeTakeFirst();
  if (current && current.status === "confirmed" && current.value === input.count)
    return ok({ enrolled: true, changed: false });
  const fields = {
    value: JSON.stringify(input.count),
    status: "confirmed",
    department_code: input.departmentCode,
    declared_on: today,
    forward_due: today,
    decided_on: today,
    reason: input.source,
  };
  if (current)
    await db
      .updateTable("points_facts")
      .set((eb) => ({ ...fields, version: eb("version", "+", 1) }))
      .where("id", "=", current.id)
      .execute();
  else
    await db
      .insertInto("points_facts")
      .values({ ...fields, enrolment_id: enrolment.id, town_code: enrolment.town_code, fact: input.fact })
      .execute();
  const label = reportedCountFacts[input.fact].zh;
  await rescoreEnrolment(trx, enrolment.id, `${label}：${input.count}（${input.source}）`);
  await tellResident(trx, enrolment.id, `${label}更新为 ${input.count}（${input.source}），积分已重新计算。`);
  await audit(trx, context, {
    action: "points.fact.reported",
    entityType: "points_enrolment",
    entityId: enrolment.id,
    townCode: enrolment.town_code,
    after: { fact: input.fact, value: input.count, department: input.departmentCode, source: input.source },
  });
  return ok({ enrolled: true, changed: true });
}
