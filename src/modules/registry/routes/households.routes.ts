import { err, type Result } from "../../../core/result";
import { inTransaction, inTransactionWhenOk, type Trx } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteContext, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { editHousehold } from "../commands/household.edit";
import { addMember, endMembership } from "../commands/household.members";
import { registerHousehold } from "../commands/household.register";
import { recordFullRead } from "../commands/record.read";
import { mayOnRegistry, registryReadScope, seesFullRecord } from "../policies";
import { presentHousehold, presentHouseholdSummary } from "../presenters";
import { findHousehold, searchHouseholds, type HouseholdRecord } from "../repository";
import {
  HouseholdCreateBody,
  HouseholdPatchBody,
  IdParams,
  MemberAddBody,
  MemberParams,
  SearchQuery,
} from "../schemas";
import { presentHistory } from "./history";
import { HistoryResponse, HouseholdPage, HouseholdResponse } from "../responses";

const tags = ["registry"];

const readableHousehold: RouteTarget<{ id: string }, undefined, HouseholdRecord> = {
  resource: "household",
  load: (executor, { params }) => findHousehold(executor, params.id),
  inScope: (actor: Actor, household) => mayOnRegistry(actor, "household", "read", household),
};

const writableHousehold: RouteTarget<{ id: string }, undefined, HouseholdRecord> = {
  ...readableHousehold,
  inScope: (actor, household) =>
    mayOnRegistry(actor, "household", "read", household) && mayOnRegistry(actor, "household", "update", household),
};

type HouseholdChange = (
  trx: Trx,
  context: ReturnType<typeof commandContext>,
  household: HouseholdRecord,
) => Promise<Result<HouseholdRecord>>;

/** Runs one change of the household of `:id` in a transaction, re-reading it there. */
function changeHousehold(
  { db, request, actor, params }: RouteContext<{ id: string }, unknown, unknown, unknown, Actor>,
  change: HouseholdChange,
) {
  return inTransactionWhenOk(db, async (trx) => {
    const current = await findHousehold(trx, params.id);
    if (!current) return err(notFoundProblem);
    return change(trx, commandContext(request, actor), current);
  });
}

const presentChanged = (household: HouseholdRecord, { actor }: { actor: Actor }) => presentHousehold(actor, household);

/** Household routes: search, register, read (logged), edit with version, members, history. */
export const householdRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/households",
    summary: { zh: "搜索家庭户", en: "Search households" },
    tags,
    permission: "registry.search",
    querystring: SearchQuery,
    response: { 200: HouseholdPage },
    handler: async ({ db, actor, query }) => {
      const { q, page = 1, pageSize = 20 } = query;
      const found = await searchHouseholds(db, { q, scope: registryReadScope(actor, "household"), page, pageSize });
      return { items: found.items.map(presentHouseholdSummary), total: found.total, page, pageSize };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/households",
    summary: { zh: "登记家庭户", en: "Register a household" },
    tags,
    permission: "registry.write",
    body: HouseholdCreateBody,
    response: { 201: HouseholdResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        if (!mayOnRegistry(actor, "household", "create", { townCode: body.townCode }))
          return err(outOfScopeProblem("townCode"));
        return registerHousehold(trx, commandContext(request, actor), body);
      }),
    present: presentChanged,
  }),
  defineRoute({
    method: "GET",
    url: "/households/:id",
    summary: { zh: "查看家庭户（完整读取记入审计）", en: "Read a household (a full read is audited)" },
    tags,
    permission: "registry.search",
    params: IdParams,
    target: readableHousehold,
    response: { 200: HouseholdResponse },
    handler: ({ db, request, actor, target }) =>
      inTransaction(db, async (trx) => {
        await recordFullRead(trx, commandContext(request, actor), {
          entityType: "household",
          entityId: target.id,
          townCode: target.townCode,
        });
        return presentHousehold(actor, target);
      }),
  }),
  defineRoute({
    method: "PATCH",
    url: "/households/:id",
    summary: { zh: "修改家庭户（需带版本号）", en: "Edit a household (with its version)" },
    tags,
    permission: "registry.write",
    params: IdParams,
    body: HouseholdPatchBody,
    target: writableHousehold,
    response: { 200: HouseholdResponse },
    command: (context) =>
      changeHousehold(context, (trx, command, household) => editHousehold(trx, command, household, context.body)),
    present: presentChanged,
  }),
  defineRoute({
    method: "POST",
    url: "/households/:id/members",
    summary: { zh: "添加家庭成员", en: "Add a member to a household" },
    tags,
    permission: "registry.write",
    params: IdParams,
    body: MemberAddBody,
    target: writableHousehold,
    response: { 201: HouseholdResponse },
    command: (context) =>
      changeHousehold(context, (trx, command, household) => addMember(trx, command, household, context.body)),
    present: presentChanged,
  }),
  defineRoute({
    method: "DELETE",
    url: "/households/:id/members/:personId",
    summary: { zh: "结束家庭成员关系", en: "End a person's membership of a household" },
    tags,
    permission: "registry.write",
    params: MemberParams,
    target: writableHousehold as RouteTarget<{ id: string; personId: string }, undefined, HouseholdRecord>,
    response: { 200: HouseholdResponse },
    command: (context) =>
      changeHousehold(context, (trx, command, household) =>
        endMembership(trx, command, household, context.params.personId),
      ),
    present: presentChanged,
  }),
  defineRoute({
    method: "GET",
    url: "/households/:id/history",
    summary: { zh: "家庭户变更历史（审计记录）", en: "A household's history (its audit trail)" },
    tags,
    permission: "registry.search",
    params: IdParams,
    target: readableHousehold,
    response: { 200: HistoryResponse },
    handler: async ({ db, actor, target }) => {
      return presentHistory(db, "household", target.id, seesFullRecord(actor, target));
    },
  }),
];
