import { err } from "../../../core/result";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { editPerson } from "../commands/person.edit";
import { registerPerson } from "../commands/person.register";
import { recordFullRead } from "../commands/record.read";
import { mayOnRegistry, registryReadScope, seesFullRecord } from "../policies";
import { presentPerson, presentPersonSummary } from "../presenters";
import { findPerson, searchPersons, type PersonRecord } from "../repository";
import { IdParams, PersonCreateBody, PersonPatchBody, SearchQuery } from "../schemas";
import { presentHistory } from "./history";
import { HistoryResponse, PersonPage, PersonResponse } from "../responses";

const tags = ["registry"];

/** The person of `:id`, in scope when the caller may read it (clerks: their 镇区). */
const readablePerson: RouteTarget<{ id: string }, undefined, PersonRecord> = {
  resource: "person",
  load: (executor, { params }) => findPerson(executor, params.id),
  inScope: (actor: Actor, person) => mayOnRegistry(actor, "person", "read", person),
};

/** Person routes: search first, register, read (logged), edit with version, history. */
export const personRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/persons",
    summary: {
      zh: "搜索人员（姓名、身份证号、尾号或电话）",
      en: "Search persons by name, ID number, its last 4 digits or phone",
    },
    tags,
    permission: "registry.search",
    querystring: SearchQuery,
    response: { 200: PersonPage },
    handler: async ({ db, actor, query }) => {
      const { q, page = 1, pageSize = 20 } = query;
      const found = await searchPersons(db, { q, scope: registryReadScope(actor, "person"), page, pageSize });
      return { items: found.items.map(presentPersonSummary), total: found.total, page, pageSize };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/persons",
    summary: { zh: "登记人员", en: "Register a person" },
    tags,
    permission: "registry.write",
    body: PersonCreateBody,
    response: { 201: PersonResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        if (!mayOnRegistry(actor, "person", "create", { townCode: body.townCode }))
          return err(outOfScopeProblem("townCode"));
        return registerPerson(trx, commandContext(request, actor), body);
      }),
    present: (person, { actor }) => presentPerson(actor, person),
  }),
  defineRoute({
    method: "GET",
    url: "/persons/:id",
    summary: { zh: "查看人员（完整读取记入审计）", en: "Read a person (a full read is audited)" },
    tags,
    permission: "registry.search",
    params: IdParams,
    target: readablePerson,
    response: { 200: PersonResponse },
    handler: ({ db, request, actor, target }) =>
      inTransaction(db, async (trx) => {
        await recordFullRead(trx, commandContext(request, actor), {
          entityType: "person",
          entityId: target.id,
          townCode: target.townCode,
        });
        return presentPerson(actor, target);
      }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/persons/:id",
    summary: { zh: "修改人员（需带版本号）", en: "Edit a person (with its version)" },
    tags,
    permission: "registry.write",
    params: IdParams,
    body: PersonPatchBody,
    target: {
      ...readablePerson,
      inScope: (actor, person) =>
        mayOnRegistry(actor, "person", "read", person) && mayOnRegistry(actor, "person", "update", person),
    },
    response: { 200: PersonResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const current = await findPerson(trx, params.id);
        if (!current) return err(notFoundProblem);
        if (body.townCode && !mayOnRegistry(actor, "person", "update", { townCode: body.townCode }))
          return err(outOfScopeProblem("townCode"));
        return editPerson(trx, commandContext(request, actor), current, body);
      }),
    present: (person, { actor }) => presentPerson(actor, person),
  }),
  defineRoute({
    method: "GET",
    url: "/persons/:id/history",
    summary: { zh: "人员变更历史（审计记录）", en: "A person's history (its audit trail)" },
    tags,
    permission: "registry.search",
    params: IdParams,
    target: readablePerson,
    response: { 200: HistoryResponse },
    handler: async ({ db, actor, target }) => {
      return presentHistory(db, "person", target.id, seesFullRecord(actor, target));
    },
  }),
];
