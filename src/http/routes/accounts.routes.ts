import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { err } from "../../core/result";
import { inTransaction, inTransactionWhenOk } from "../../db/transaction";
import { createAccount, findAccountView, updateAccount } from "../../platform/accounts/accounts.commands";
import { lookupPersonByIdNumber } from "../../platform/accounts/person-lookup";
import { mayOnAccounts } from "../../platform/access/accounts.policy";
import { commandContext, notFoundProblem, sendRefusal } from "../../platform/http/command-reply";
import { requireActor, sendForbidden } from "../../platform/http/request-context";
import { roles } from "../../platform/roles";
import { AccountResponse, errorResponses, Page, PersonLookupResponse } from "../../platform/http/response-schemas";

const strict = { additionalProperties: false } as const;
const Grant = Type.Object(
  {
    role: Type.Union(roles.map((role) => Type.Literal(role))),
    townCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    departmentCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  },
  strict,
);
const AccountCreateBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(Grant, { minItems: 1, maxItems: 20 }),
    personId: Type.Optional(Type.Union([Type.String({ format: "uuid" }), Type.Null()])),
  },
  strict,
);
const AccountPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    roles: Type.Optional(Type.Array(Grant, { minItems: 1, maxItems: 20 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    personId: Type.Optional(Type.Union([Type.String({ format: "uuid" }), Type.Null()])),
  },
  strict,
);
const PersonLookupQuery = Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 30 }) }, strict);
const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  strict,
);
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
const tags = ["accounts"];

/** Account administration: list (admin, auditor), create and edit (admin), person lookup by exact ID number (admin). */
export function accountRoutes(instance: FastifyInstance, db: Kysely<Database>): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/accounts", { schema: { tags, querystring: ListQuery, response: { 200: Page(AccountResponse), ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAccounts(actor, "list")) return sendForbidden(reply);
    const { q, page = 1, pageSize = 20 } = request.query;
    return inTransaction(db, async (trx) => {
      let query = trx.selectFrom("accounts");
      if (q) query = query.where((eb) => eb.or([eb("username", "like", `%${q}%`), eb("display_name", "like", `%${q}%`)]));
      const count = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
      const ids = await query.select("id").orderBy("username").limit(pageSize).offset((page - 1) * pageSize).execute();
      const items = [];
      for (const { id } of ids) {
        const view = await findAccountView(trx, id);
        if (view) items.push(view);
      }
      return { items, total: Number(count.count), page, pageSize };
    });
  });

  app.get("/accounts/person-lookup", { schema: { tags, querystring: PersonLookupQuery, response: { 200: PersonLookupResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAccounts(actor, "lookupPerson")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => lookupPersonByIdNumber(trx, commandContext(request, actor), request.query.idNumber));
    if (!result.ok) return sendRefusal(reply, result.error);
    return result.value;
  });

  app.post("/accounts", { schema: { tags, body: AccountCreateBody, response: { 201: AccountResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAccounts(actor, "create")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => createAccount(trx, commandContext(request, actor), request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(result.value);
  });

  app.patch("/accounts/:id", { schema: { tags, params: IdParams, body: AccountPatchBody, response: { 200: AccountResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAccounts(actor, "update")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const current = await findAccountView(trx, request.params.id);
      if (!current) return err(notFoundProblem);
      return updateAccount(trx, commandContext(request, actor), current, request.body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return result.value;
  });
}
