import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { editOrganisation, registerOrganisation } from "../commands/organisation.commands";
import { mayOnRegistry, registryReadScope } from "../policies";
import { presentOrganisation } from "../presenters";
import { findOrganisation, searchOrganisations, type OrganisationRecord } from "../repository";
import { IdParams, OrganisationCreateBody, OrganisationPatchBody, SearchQuery } from "../schemas";
import { OrganisationPage, OrganisationResponse } from "../responses";

const tags = ["registry"];

const readableOrganisation: RouteTarget<{ id: string }, undefined, OrganisationRecord> = {
  resource: "organisation",
  load: (executor, { params }) => findOrganisation(executor, params.id),
  inScope: (actor: Actor, organisation) => mayOnRegistry(actor, "organisation", "read", organisation),
};

/** Organisation routes: search, register, read, edit with version. */
export const organisationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/organisations",
    summary: { zh: "搜索社会组织", en: "Search organisations" },
    tags,
    permission: "organisations.read",
    querystring: SearchQuery,
    response: { 200: OrganisationPage },
    handler: async ({ db, actor, query }) => {
      const { q, page = 1, pageSize = 20 } = query;
      const found = await searchOrganisations(db, {
        q,
        scope: registryReadScope(actor, "organisation"),
        page,
        pageSize,
      });
      return { items: found.items.map(presentOrganisation), total: found.total, page, pageSize };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/organisations",
    summary: { zh: "登记社会组织", en: "Register an organisation" },
    tags,
    permission: "organisations.write",
    body: OrganisationCreateBody,
    response: { 201: OrganisationResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        if (!mayOnRegistry(actor, "organisation", "create", { townCode: body.townCode }))
          return err(outOfScopeProblem("townCode"));
        return registerOrganisation(trx, commandContext(request, actor), body);
      }),
    present: presentOrganisation,
  }),
  defineRoute({
    method: "GET",
    url: "/organisations/:id",
    summary: { zh: "查看社会组织", en: "Read an organisation" },
    tags,
    permission: "organisations.read",
    params: IdParams,
    target: readableOrganisation,
    response: { 200: OrganisationResponse },
    handler: ({ target }) => presentOrganisation(target),
  }),
  defineRoute({
    method: "PATCH",
    url: "/organisations/:id",
    summary: { zh: "修改社会组织（需带版本号）", en: "Edit an organisation (with its version)" },
    tags,
    permission: "organisations.write",
    params: IdParams,
    body: OrganisationPatchBody,
    target: {
      ...readableOrganisation,
      inScope: (actor, organisation) =>
        mayOnRegistry(actor, "organisation", "read", organisation) &&
        mayOnRegistry(actor, "organisation", "update", organisation),
    },
    response: { 200: OrganisationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const current = await findOrganisation(trx, params.id);
        if (!current) return err(notFoundProblem);
        return editOrganisation(trx, commandContext(request, actor), current, body);
      }),
    present: presentOrganisation,
  }),
];
