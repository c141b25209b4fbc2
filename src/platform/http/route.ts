import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyMultipart from "@fastify/multipart";
import type { Kysely } from "kysely";
import type { Static, TSchema } from "typebox";
import { Value } from "typebox/value";
import type { Result } from "../../core/result";
import type { Database } from "../../db/schema";
import { committedTransactions, inTransaction, type Executor } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import { allows, type PermissionTable } from "../access/permissions";
import type { Actor } from "../roles";
import { sendRefusal } from "./command-reply";
import { sendError, sendForbidden, sendNotFound } from "./request-context";
import { addressKey, cacheControlFor, publicMaxAge, rateLimitOf, type RouteCache } from "./public-routes";
import { PublicAnswerCache } from "./public-cache";
import { ErrorResponse, errorResponseFor } from "./response-schemas";

// The one way to declare an HTTP route (docs/architecture.md, "The one way to add a route"): a route is data —
// method, path, schemas, the permission it needs, how its target record is loaded and scoped, the handler or
// command with its presenter, and a description in Chinese and English. `mountRoutes` turns a table of them
// into Fastify routes that answer 401 (not signed in), 403 (the role lacks the permission) and 404 (the target
// is missing or out of the caller's scope: the same answer, so nobody can probe for records) before the handler
// runs. The same table feeds OpenAPI, `gongzhi routes`, and the generated authorization and CSRF tests.

/** The HTTP methods routes use. */
export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The permission name of anonymous routes. */
export const publicPermission = "public";

type StaticOf<S> = S extends TSchema ? Static<S> : undefined;
type ActorOf<Perm> = Perm extends typeof publicPermission ? Actor | null : Actor;

/** What a handler receives: the request, its validated input, the caller, the loaded target and the database. */
export interface RouteContext<P, Q, B, T, A> {
  request: FastifyRequest;
  reply: FastifyReply;
  actor: A;
  params: P;
  query: Q;
  body: B;
  /** The target record, loaded and scope-checked by the route's `target` (undefined without one). */
  target: T;
  db: Kysely<Database>;
}

/**
 * How a route's target record is found and scoped. `load` reads it from the validated path/query; `inScope`
 * decides whether this caller may touch it. Missing and out of scope both answer the same 404.
 */
export interface RouteTarget<P, Q, T, A = Actor> {
  /** The kind of record (e.g. "person"), used by the generated authorization test to pick fixtures. */
  resource: string;
  load: (executor: Executor, input: { params: P; query: Q; actor: A }) => Promise<T | null | undefined>;
  /** Whether the caller may touch this record; without it every loaded record is in scope (public records). */
  inScope?: (actor: A, target: T) => boolean;
}

/** A route declared as data. Use `defineRoute` to get the handler's types from the schemas. */
export interface RouteSpec<
  PS extends TSchema | undefined = TSchema | undefined,
  QS extends TSchema | undefined = TSchema | undefined,
  BS extends TSchema | undefined = TSchema | undefined,
  T = unknown,
  Perm extends string = string,
  V = unknown,
> {
  method: RouteMethod;
  /** The path under /api/v1, with `:name` parameters. */
  url: string;
  /** What the route does, in Chinese and English (OpenAPI summary and description). */
  summary: { zh: string; en: string };
  tags: readonly string[];
  /** A permission name from a manifest (checked: 401/403), or `"public"` for anonymous routes. */
  permission: Perm;
  params?: PS;
  querystring?: QS;
  body?: BS;
  /** The answer per success status; errors always use the one problem shape. A non-JSON answer gives its media type. */
  response: Partial<Record<200 | 201 | 202 | 204, TSchema | { mediaType: string; description: string }>>;
  target?: RouteTarget<StaticOf<PS>, StaticOf<QS>, T, ActorOf<Perm>>;
  /** Answers the request: a body (sent with the first declared success status) or the reply it sent itself. */
  handler?: (
    context: RouteContext<StaticOf<PS>, StaticOf<QS>, StaticOf<BS>, T, ActorOf<Perm>>,
  ) => Promise<unknown> | unknown;
  /** Or: a command whose refusal is answered with its problem (404/403/409/400), and a presenter of its value. */
  command?: (context: RouteContext<StaticOf<PS>, StaticOf<QS>, StaticOf<BS>, T, ActorOf<Perm>>) => Promise<Result<V>>;
  present?: (
    value: V,
    context: RouteContext<StaticOf<PS>, StaticOf<QS>, StaticOf<BS>, T, ActorOf<Perm>>,
  ) => Promise<unknown> | unknown;
  /**
   * The access log of a read of a full record (PIPL): the audit entry a successful answer appends, e.g.
   * `{ action: "case.read", entityType: "case", entityId, townCode }`, or null when this read needs none (the
   * resident reading their own record).
   */
  accessLog?: (
    target: T,
    actor: ActorOf<Perm>,
  ) => { action: string; entityType: string; entityId: string; townCode?: string | null } | null;
  /**
   * Per-route Fastify config, e.g. `rateLimit` (`{ max, timeWindow, keyGenerator? }`). A public route without one
   * gets the platform's `publicRateLimit` (src/platform/http/public-routes.ts).
   */
  config?: Record<string, unknown>;
  /**
   * Public GETs: how long browsers and proxies may keep an anonymous successful answer (`Cache-Control: public,
   * max-age=N`, default 60 s), or `"no-store"`. Set by `mountRoutes`; every other answer is `no-store`.
   */
  cache?: RouteCache;
  /** Further error statuses the route answers (besides 400/401/403/404/409 derived from the declaration). */
  errors?: readonly number[];
  /** Accepts multipart/form-data with these limits (file uploads). */
  multipart?: { fileSize: number; files: number; fields: number };
  /** State-changing routes need the session's CSRF token; only sign-in is exempt (it has no session yet). */
  csrfExempt?: boolean;
}

/** Any declared route, as the route table holds it. */
export type AnyRoute = RouteSpec<any, any, any, any, any, any>;

/** Declares a route; the handler's params, query, body, target and actor are typed from the declaration. */
export function defineRoute<
  const Perm extends string,
  PS extends TSchema | undefined = undefined,
  QS extends TSchema | undefined = undefined,
  BS extends TSchema | undefined = undefined,
  T = undefined,
  V = unknown,
>(spec: RouteSpec<PS, QS, BS, T, Perm, V>): AnyRoute {
  if (!spec.handler === !spec.command)
    throw new Error(`${spec.method} ${spec.url}: give either a handler or a command`);
  return spec as AnyRoute;
}

/** Tells whether a route changes state (needs CSRF protection). */
export function isStateChanging(route: AnyRoute): boolean {
  return route.method !== "GET";
}

/** The statuses a route can answer with the problem shape, from what it declares. */
export function errorStatuses(route: AnyRoute): number[] {
  const statuses = [400];
  if (route.permission !== publicPermission) statuses.push(401, 403);
  if (route.target || route.params) statuses.push(404);
  if (route.method !== "GET") statuses.push(409);
  if (rateLimitOf(route)) statuses.push(429);
  for (const status of route.errors ?? []) if (!statuses.includes(status)) statuses.push(status);
  return statuses.sort((a, b) => a - b);
}

function openApiResponses(route: AnyRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.response)) {
    if (schema && "mediaType" in schema && typeof schema.mediaType === "string") {
      responses[status] = {
        description: schema.description,
        content: { [schema.mediaType]: { schema: { type: "string", format: "binary" } } },
      };
    } else {
      responses[status] = schema;
    }
  }
  for (const status of errorStatuses(route)) responses[status] = errorResponseFor(status);
  responses["4xx"] = ErrorResponse;
  responses["5xx"] = ErrorResponse;
  return responses;
}

const targetKey = Symbol("routeTarget");
const cacheKey = Symbol("publicAnswer");
type WithTarget = FastifyRequest & {
  [targetKey]?: { loaded: boolean; value: unknown };
  /** An anonymous answer being computed for the cache: its key and the commits counted when it began. */
  [cacheKey]?: { key: string; commits: number };
};

/** What mountRoutes needs: the database and every permission by name; the cache of public answers, if any. */
export interface MountOptions {
  db: Kysely<Database>;
  /**
   * A read replica (DATABASE_READ_URL), if any: anonymous calls of public GET routes read from it, so a crowd on the
   * portal does not load the primary (and the portal keeps answering while the primary is down). Signed-in callers
   * and every other route use `db`, so nobody misses their own write to replication lag.
   */
  readDb?: Kysely<Database> | null;
  permissions: PermissionTable;
  publicCache?: PublicAnswerCache | null;
}

/** Mounts a route table: checks every permission name exists, then registers each route with its checks. */
export async function mountRoutes(
  app: FastifyInstance,
  routes: readonly AnyRoute[],
  options: MountOptions,
): Promise<void> {
  for (const route of routes) {
    if (route.permission !== publicPermission && !options.permissions[route.permission]) {
      throw new Error(
        `${route.method} ${route.url}: unknown permission "${route.permission}" (declare it in the module's manifest)`,
      );
    }
    if (route.multipart) {
      const limits = route.multipart;
      await app.register(async (scoped) => {
        await scoped.register(fastifyMultipart, { limits });
        mountRoute(scoped, route, options);
      });
    } else {
      mountRoute(app, route, options);
    }
  }
}

function mountRoute(
  app: FastifyInstance,
  route: AnyRoute,
  { db: primary, readDb, permissions, publicCache }: MountOptions,
): void {
  const permission = route.permission === publicPermission ? null : permissions[route.permission];
  const replicaReads = readDb && route.method === "GET" && route.permission === publicPermission;
  const dbFor = (request: FastifyRequest) => (replicaReads && !request.actor ? readDb : primary);
  const rateLimit = rateLimitOf(route);
  const addressLimit = rateLimit?.perAddress
    ? app.createRateLimit({
        max: rateLimit.perAddress,
        timeWindow: rateLimit.timeWindow,
        keyGenerator: (request) => addressKey(route, request),
      })
    : null;

  // Anonymous answers of a cacheable public GET (see public-cache.ts).
  const cache = publicCache && publicMaxAge(route) !== null ? publicCache : null;

  const loadTarget = async (request: WithTarget, reply: FastifyReply): Promise<boolean> => {
    if (!route.target || request[targetKey]?.loaded) return true;
    const input = { params: request.params, query: request.query, actor: request.actor };
    const value = await route.target.load(dbFor(request), input);
    if (
      value === null ||
      value === undefined ||
      (route.target.inScope && !route.target.inScope(request.actor, value))
    ) {
      await sendNotFound(reply);
      return false;
    }
    request[targetKey] = { loaded: true, value };
    return true;
  };

  app.route({
    method: route.method,
    url: route.url,
    schema: {
      tags: [...route.tags],
      summary: route.summary.en,
      description: `${route.summary.zh} (${route.summary.en}) — permission: ${route.permission}`,
      ...(route.params ? { params: route.params } : {}),
      ...(route.querystring ? { querystring: route.querystring } : {}),
      ...(route.body ? { body: route.body } : {}),
      response: openApiResponses(route),
      ...(route.multipart ? { consumes: ["multipart/form-data"] } : {}),
    },
    config: {
      ...route.config,
      ...(rateLimit ? { rateLimit } : {}),
      permission: route.permission,
      csrfExempt: route.csrfExempt === true,
    },
    // The per-address limit, beside the route's own (per account or address): past it, 429 as from the plugin.
    ...(addressLimit
      ? {
          onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
            const limit = await addressLimit(request);
            if (limit.isAllowed || !limit.isExceeded) return;
            reply.header("retry-after", limit.ttlInSeconds);
            throw Object.assign(new Error("rate limited per address"), { statusCode: 429 });
          },
        }
      : {}),
    // Cache-Control from the declaration, unless the handler chose its own (e.g. `private, no-store` downloads).
    onSend: async (request, reply, payload) => {
      if (!reply.hasHeader("cache-control")) {
        const value = cacheControlFor(route, request.actor !== null, reply.statusCode);
        reply.header("cache-control", value);
        if (value.startsWith("public")) reply.header("vary", "Cookie");
      }
      const computing = (request as WithTarget)[cacheKey];
      if (
        cache &&
        computing &&
        reply.statusCode === 200 &&
        String(reply.getHeader("cache-control")).startsWith("public")
      )
        cache.set(computing.key, payload, reply.getHeaders(), computing.commits);
      return payload;
    },
    // Before the body is validated: who may call (401/403), then — when the path is well formed — the target
    // (404), so an out-of-scope record is "not found" whatever the body says.
    preValidation: async (request, reply) => {
      if (permission && !allows(permission, request.actor)) {
        if (!request.actor) return sendError(reply, 401, "unauthenticated", "请先登录 (sign in first)");
        return sendForbidden(reply);
      }
      // (A query that does not fit its schema yet waits for validation: a target loaded from it could hit
      // the database with a malformed id, e.g. `?personId=0.5`, a 500 before issue 14's fuzz test.)
      if (
        route.target &&
        (!route.params || Value.Check(route.params, request.params)) &&
        (!route.querystring || Value.Check(route.querystring, request.query))
      ) {
        if (!(await loadTarget(request, reply))) return reply;
      }
    },
    preHandler: async (request: WithTarget, reply) => {
      if (!(await loadTarget(request, reply))) return reply;
      if (cache && !request.actor && request.method === "GET") {
        const key = PublicAnswerCache.key(request.url, String(request.headers["accept-language"] ?? ""));
        const kept = cache.get(key);
        if (kept)
          return reply
            .code(200)
            .headers({ ...kept.headers, "x-cache": "hit" })
            .send(kept.payload);
        request[cacheKey] = { key, commits: committedTransactions() };
      }
    },
    handler: async (request: WithTarget, reply) => {
      const context: RouteContext<unknown, unknown, unknown, unknown, Actor | null> = {
        request,
        reply,
        actor: request.actor,
        params: request.params,
        query: request.query,
        body: request.body,
        target: request[targetKey]?.value,
        db: dbFor(request),
      };
      const successStatus = Number(Object.keys(route.response)[0] ?? 200);
      if (route.command) {
        const result = await route.command(context);
        if (!result.ok) return sendRefusal(reply, result.error);
        const body = route.present ? await route.present(result.value, context) : result.value;
        return reply.code(successStatus).send(body);
      }
      const answer = await route.handler!(context);
      const logged = reply.statusCode < 300 ? route.accessLog?.(context.target, context.actor) : null;
      if (logged && context.actor) {
        const actor = context.actor;
        await inTransaction(primary, (trx) =>
          appendAudit(trx, { ...logged, actorId: actor.id, actorUsername: actor.username, requestId: request.id }),
        );
      }
      if (answer === reply) return reply;
      return reply.code(successStatus).send(answer);
    },
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission the route needs (from its declaration). */
    permission?: string;
    /** Sign-in only: a state-changing route that needs no CSRF token. */
    csrfExempt?: boolean;
  }
}
