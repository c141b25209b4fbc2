import { err } from "../../../core/result";
import { clock } from "../../../core/clock";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem } from "../../../platform/http/command-reply";
import { sendForbidden } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import {
  listObjections,
  objectionDeadline,
  objectionSubjects,
  type Objection,
} from "../../../platform/publicity/publicity.objections";
import { verifierDepartments } from "../../../platform/publicity/publicity.policy";
import { presentObjection } from "../../../platform/publicity/publicity.presenters";
import { hasRole, townsWithRole, type Actor } from "../../../platform/roles";
import { maskName } from "../../../core/masking";
import type { Executor } from "../../../db/transaction";
import { filesDb } from "../../../platform/files/files.tables";
import { holdsRoleInTown } from "../../../platform/access/scope";
import { reportDeduction } from "../commands/deduction";
import { decideFact } from "../commands/facts";
import { pointsDb } from "../points.tables";
import { defaultPolicyId } from "../points.scoring";
import { presentFact } from "../presenters";
import { findFact, type FactRecord } from "../repository";
import { DeductionResponse, FactResponse, QueueResponse } from "../responses";
import { DecideBody, DeductionBody, IdParams } from "../schemas";
import { departmentFactTarget } from "./targets";

const tags = ["points"];

/** A queue item: the fact with its current deadline and whether it is overdue. */
function queueItem(fact: FactRecord, today: string) {
  const due = fact.status === "declared" ? fact.forward_due : fact.check_due;
  return {
    ...presentFact(fact),
    stage: fact.status === "declared" ? "forward" : "check",
    due,
    overdue: due !== null && today > due,
  };
}

/** The original names of evidence files, by id. */
async function fileNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await filesDb(executor)
    .selectFrom("stored_files")
    .select(["id", "original_name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.original_name]));
}

/**
 * A queue as the caller sees it: each fact with whose it is (the full name for a clerk of its 镇区, masked for a
 * verifier, who checks evidence, not people) and its evidence files by name; each objection with its list, the
 * contested entry (masked, as published) and its files by name.
 */
async function presentQueue(
  executor: Executor,
  actor: Actor,
  facts: readonly FactRecord[],
  objections: readonly Objection[],
  today: string,
) {
  const enrolmentIds = [...new Set(facts.map((fact) => fact.enrolment_id))];
  const people = new Map(
    enrolmentIds.length
      ? (
          await pointsDb(executor)
            .selectFrom("points_enrolments as e")
            .innerJoin("persons as p", "p.id", "e.person_id")
            .select(["e.id", "p.name"])
            .where("e.id", "in", enrolmentIds)
            .execute()
        ).map((row) => [row.id, row.name])
      : [],
  );
  const names = await fileNames(executor, [
    ...facts.flatMap((fact) => fact.file_ids),
    ...objections.flatMap((objection) => objection.fileIds),
  ]);
  const files = (ids: readonly string[]) => ids.map((id) => ({ id, name: names.get(id) ?? id.slice(0, 8) }));
  const subjects = await objectionSubjects(executor, objections);
  return {
    facts: facts.map((fact) => {
      const name = people.get(fact.enrolment_id) ?? "";
      return {
        ...queueItem(fact, today),
        personName: holdsRoleInTown(actor, "clerk", fact.town_code) ? name : maskName(name),
        files: files(fact.file_ids),
      };
    }),
    objections: objections.map((objection) => ({
      ...presentObjection(objection, today, subjects.get(objection.id)),
      files: files(objection.fileIds),
    })),
  };
}

/** Verification routes: the department queue (Impl. Art. 15), decisions, deduction events, and escalation of overdue items. */
export const verificationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/points/verification/queue",
    summary: {
      zh: "核查队列：本部门待核事实与异议（窗口：本镇区待送事实与异议）",
      en: "The verification queue: a department's facts and objections (clerks: their town's)",
    },
    tags,
    permission: "points.queue",
    response: { 200: QueueResponse },
    handler: async ({ db, reply, actor }) => {
      const today = clock.today();
      const facts = pointsDb(db)
        .selectFrom("points_facts")
        .selectAll()
        .orderBy("check_due")
        .orderBy("forward_due")
        .orderBy("id")
        .limit(500);
      if (hasRole(actor, "verifier")) {
        const departments = verifierDepartments(actor);
        let query = facts.where("status", "=", "with_department");
        if (departments !== "all")
          query = departments.length
            ? query.where("department_code", "in", departments)
            : query.where("department_code", "=", "");
        const objections = await listObjections(db, {
          ...(departments === "all" ? {} : { departmentCodes: departments }),
          statuses: ["forwarded"],
        });
        return presentQueue(db, actor, await query.execute(), objections, today);
      }
      if (hasRole(actor, "clerk")) {
        const towns = townsWithRole(actor, "clerk");
        const query = facts.where("status", "=", "declared").where("town_code", "in", towns.length ? towns : [""]);
        const objections = await listObjections(db, { townCodes: towns, statuses: ["received"] });
        return presentQueue(db, actor, await query.execute(), objections, today);
      }
      return sendForbidden(reply);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/points/verification/overdue",
    summary: { zh: "逾期未办的事实与异议（督办）", en: "Overdue facts and objections (escalation)" },
    tags,
    permission: "points.programme",
    response: { 200: QueueResponse },
    handler: async ({ db, actor }) => {
      const today = clock.today();
      const facts = await pointsDb(db)
        .selectFrom("points_facts")
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "declared"), eb("forward_due", "<", today)]),
            eb.and([eb("status", "=", "with_department"), eb("check_due", "<", today)]),
          ]),
        )
        .orderBy("forward_due")
        .limit(500)
        .execute();
      const objections = (await listObjections(db, { statuses: ["received", "forwarded"] })).filter(
        (objection) => objectionDeadline(objection, today).overdue,
      );
      return presentQueue(db, actor, facts, objections, today);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/points/facts/:id/decide",
    summary: { zh: "部门核查结论", en: "A department's decision on a fact" },
    tags,
    permission: "points.verify",
    params: IdParams,
    body: DecideBody,
    target: departmentFactTarget,
    response: { 200: FactResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const fact = await findFact(trx, params.id);
        if (!fact) return err(notFoundProblem);
        return decideFact(trx, commandContext(request, actor), fact, body, defaultPolicyId);
      }),
    present: presentFact,
  }),
  defineRoute({
    method: "POST",
    url: "/points/deductions",
    summary: { zh: "报送扣分事项（本部门主管的种类）", en: "Report a deduction event (kinds one's department owns)" },
    tags,
    permission: "points.deductions",
    body: DeductionBody,
    response: { 201: DeductionResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) =>
        reportDeduction(trx, commandContext(request, actor), body, verifierDepartments(actor)),
      ),
  }),
];
