import { Type } from "typebox";
import { err } from "../../core/result";
import { inTransaction, inTransactionWhenOk } from "../../db/transaction";
import { createAccount, findAccountView, updateAccount } from "../../platform/accounts/accounts.commands";
import { lookupPersonByIdNumber } from "../../platform/accounts/person-lookup";
import { commandContext, notFoundProblem } from "../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { roles } from "../../platform/roles";
import { AccountResponse, Page, PersonLookupResponse } from "../../platform/http/response-schemas";

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
export const accountRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/accounts",
    summary: {
      zh: "账号列表（可按用户名或姓名搜索）",
      en: "List accounts, optionally searching username or display name",
    },
    tags,
    permission: "accounts.read",
    querystring: ListQuery,
    response: { 200: Page(AccountResponse) },
    handler: ({ db, query }) => {
      const { q, page = 1, pageSize = 20 } = query;
      return inTransaction(db, async (trx) => {
        let select = trx.selectFrom("accounts");
        if (q)
          select = select.where((eb) =>
            eb.or([eb("username", "like", `%${q}%`), eb("display_name", "like", `%${q}%`)]),
          );
        const count = await select.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
        const ids = await select
          .select("id")
          .orderBy("username")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
        const items = [];
        for (const { id } of ids) {
          const view = await findAccountView(trx, id);
          if (view) items.push(view);
        }
        return { items, total: Number(count.count), page, pageSize };
      });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/accounts/person-lookup",
    summary: {
      zh: "按完整身份证号查找人员（用于关联账号，记入审计）",
      en: "Look up a person by exact ID number to link an account (audited)",
    },
    tags,
    permission: "accounts.personLookup",
    querystring: PersonLookupQuery,
    response: { 200: PersonLookupResponse },
    command: ({ db, request, actor, query }) =>
      inTransactionWhenOk(db, (trx) => lookupPersonByIdNumber(trx, commandContext(request, actor), query.idNumber)),
  }),
  defineRoute({
    method: "POST",
    url: "/accounts",
    summary: { zh: "创建账号", en: "Create an account" },
    tags,
    permission: "accounts.manage",
    body: AccountCreateBody,
    response: { 201: AccountResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => createAccount(trx, commandContext(request, actor), body)),
  }),
  defineRoute({
    method: "PATCH",
    url: "/accounts/:id",
    summary: { zh: "修改账号（需带版本号）", en: "Edit an account (with its version)" },
    tags,
    permission: "accounts.manage",
    params: IdParams,
    // Loaded before the body is checked: a guessed id is the one 404 whatever the body.
    target: {
      resource: "account",
      load: (executor, { params }) =>
        executor.selectFrom("accounts").select("id").where("id", "=", params.id).executeTakeFirst(),
    },
    body: AccountPatchBody,
    response: { 200: AccountResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const current = await findAccountView(trx, params.id);
        if (!current) return err(notFoundProblem);
        return updateAccount(
          trx,
          { ...commandContext(request, actor), sessionToken: request.sessionToken },
          current,
          body,
        );
      }),
  }),
];
