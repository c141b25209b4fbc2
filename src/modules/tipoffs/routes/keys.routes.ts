import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import { findKey, issueKey, listKeys, revokeKey, type KeyRecord } from "../commands/keys.commands";
import { KeyCreated, KeyList, KeyResponse } from "../responses";
import { IdParams, KeyCreateBody } from "../schemas";

const tags = ["open311"];

function presentKey(key: KeyRecord) {
  return {
    id: key.id,
    label: key.label,
    keyHint: key.keyHint,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

const openKey: RouteTarget<{ id: string }, unknown, KeyRecord> = {
  resource: "open311Key",
  load: (executor, { params }) => findKey(executor, params.id),
};

/** Open311 API keys (admins): list, issue (the key is shown once), revoke. */
export const keyRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/open311/keys",
    summary: { zh: "Open311 API 密钥列表", en: "Open311 API keys" },
    tags,
    permission: "open311.keys.manage",
    response: { 200: KeyList },
    handler: async ({ db }) => ({ items: (await listKeys(db)).map(presentKey) }),
  }),
  defineRoute({
    method: "POST",
    url: "/open311/keys",
    summary: { zh: "签发 Open311 API 密钥（只显示一次）", en: "Issue an Open311 API key (shown once)" },
    tags,
    permission: "open311.keys.manage",
    body: KeyCreateBody,
    response: { 201: KeyCreated },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => issueKey(trx, commandContext(request, actor), body.label)),
    present: ({ key, apiKey }) => ({ ...presentKey(key), apiKey }),
  }),
  defineRoute({
    method: "POST",
    url: "/open311/keys/:id/revoke",
    summary: { zh: "吊销 Open311 API 密钥", en: "Revoke an Open311 API key" },
    tags,
    permission: "open311.keys.manage",
    params: IdParams,
    target: openKey,
    response: { 200: KeyResponse },
    command: ({ db, request, actor, target }) =>
      inTransactionWhenOk(db, (trx) => revokeKey(trx, commandContext(request, actor), target)),
    present: presentKey,
  }),
];
