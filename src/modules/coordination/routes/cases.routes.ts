/** Joint cases: list, open, read, add a task, close; and completing a task of one's department. */
import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { addCaseTask, closeCase, completeTask, openCase } from "../commands/tasks";
import { escalateOverdueTasks } from "../commands/escalate";
import { departmentsOf, mayCompleteTask, mayReadCase } from "../policies";
import { presentCase, presentTask } from "../presenters";
import { departmentNames, findCase, findTask, listCases, type CaseRecord, type TaskRecord } from "../repository";
import { CaseListResponse, CaseResponse, EscalationResponse, TaskResponse } from "../responses";
import { CaseCreateBody, CaseListQuery, CompleteBody, IdParams, TaskBody } from "../schemas";

const tags = ["coordination"];

const readableCase: RouteTarget<{ id: string }, undefined, CaseRecord> = {
  resource: "jointCase",
  load: (executor, { params }) => findCase(executor, params.id),
  inScope: (actor: Actor, record) => mayReadCase(actor, record),
};

const completableTask: RouteTarget<{ id: string }, undefined, TaskRecord> = {
  resource: "jointTask",
  load: (executor, { params }) => findTask(executor, params.id),
  inScope: (actor: Actor, task) => mayCompleteTask(actor, task),
};

export const caseRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/coordination/cases",
    summary: {
      zh: "联办案件列表（核查部门限本部门参与的）",
      en: "Joint cases (verifiers: those their department is in)",
    },
    tags,
    permission: "coordination.cases.read",
    querystring: CaseListQuery,
    response: { 200: CaseListResponse },
    handler: async ({ db, actor, query }) => {
      const names = await departmentNames(db);
      const items = await listCases(db, { status: query.status, departments: departmentsOf(actor) });
      return { items: items.map((record) => presentCase(record, names, actor)) };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/cases",
    summary: {
      zh: "立联办案件：牵头部门和协办部门任务",
      en: "Open a joint case: lead department and co-department tasks",
    },
    tags,
    permission: "coordination.cases.manage",
    body: CaseCreateBody,
    response: { 201: CaseResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => openCase(trx, commandContext(request, actor), body)),
    present: async (record, { db, actor }) => presentCase(record, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "GET",
    url: "/coordination/cases/:id",
    summary: { zh: "查看联办案件", en: "Read a joint case" },
    tags,
    permission: "coordination.cases.read",
    params: IdParams,
    target: readableCase,
    response: { 200: CaseResponse },
    handler: async ({ db, actor, target }) => presentCase(target, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/cases/:id/tasks",
    summary: { zh: "增加协办任务", en: "Add a co-department task" },
    tags,
    permission: "coordination.cases.manage",
    params: IdParams,
    body: TaskBody,
    target: readableCase,
    response: { 200: CaseResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const record = await findCase(trx, params.id);
        if (!record) return err(notFoundProblem);
        return addCaseTask(trx, commandContext(request, actor), record, body);
      }),
    present: async (record, { db, actor }) => presentCase(record, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/cases/:id/close",
    summary: { zh: "办结联办案件（任务须全部办结）", en: "Close a joint case (all tasks done)" },
    tags,
    permission: "coordination.cases.manage",
    params: IdParams,
    target: readableCase,
    response: { 200: CaseResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, async (trx) => {
        const record = await findCase(trx, params.id);
        if (!record) return err(notFoundProblem);
        return closeCase(trx, commandContext(request, actor), record);
      }),
    present: async (record, { db, actor }) => presentCase(record, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/tasks/:id/complete",
    summary: { zh: "办结本部门任务（填写办理结果）", en: "Complete a task of one's department (with the answer)" },
    tags,
    permission: "coordination.tasks.complete",
    params: IdParams,
    body: CompleteBody,
    target: completableTask,
    response: { 200: TaskResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => completeTask(trx, commandContext(request, actor), params.id, body.answer)),
    present: async (task, { db, actor }) => presentTask(task, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/escalations",
    summary: {
      zh: "立即执行逾期升级（平时由定时任务每小时执行）",
      en: "Run the overdue escalation now (the scheduled job runs it hourly)",
    },
    tags,
    permission: "coordination.cases.manage",
    response: { 200: EscalationResponse },
    command: ({ db, request, actor }) =>
      inTransactionWhenOk(db, (trx) => escalateOverdueTasks(trx, commandContext(request, actor))),
    present: (summary) => summary,
  }),
];
