import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { Kysely } from "kysely";
import { Type } from "typebox";
import { clock } from "../core/clock";
import type { Database } from "../db/schema";
import type { ModuleManifest } from "../platform/module";
import { installAuthentication } from "./authentication";
import { installErrorHandler } from "./errors";
import { installJsonBodyParser } from "./json-body";
import { installIdempotency } from "./idempotency";
import { modules as defaultModules } from "./modules";
import { permissionTable } from "../platform/access/abilities";
import { mountRoutes } from "../platform/http/route";
import { routeTable } from "./route-table";
import { open311Plugin } from "../modules/tipoffs/open311/open311";
import { installWebApp } from "./web";
import { PublicAnswerCache } from "../platform/http/public-cache";
import { securityHeaders } from "./security-headers";

/** Options of buildApp: the database, and for tests a quiet logger and other knobs. */
export interface AppOptions {
  db: Kysely<Database>;
  /** A read replica for anonymous reads of public GET routes (DATABASE_READ_URL); see MountOptions.readDb. */
  readDb?: Kysely<Database> | null;
  logger?: boolean | Record<string, unknown>;
  modules?: readonly ModuleManifest[];
  webDist?: string;
  loginRateLimitPerMinute?: number;
  secureCookies?: boolean;
  trustProxy?: boolean;
  /** How long a request may take to arrive in full (a stalled or trickled upload then gets 408); default 300 s. */
  requestTimeoutMs?: number;
  /**
   * How long an anonymous answer of a public GET is kept in this process while nothing is committed (see
   * src/platform/http/public-cache.ts); default 5 s, 0 keeps nothing.
   */
  publicAnswerSeconds?: number;
}

/** The largest accepted request body (larger → 413). */
export const bodyLimitBytes = 1024 * 1024;

/**
 * Builds the Fastify app: security headers, cookies, rate limits, OpenAPI, authentication and CSRF,
 * idempotency, the platform routes and every module's routes under /api/v1, and the web app.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const modules = options.modules ?? defaultModules;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    // Fastify's default is no limit: a client that stops sending a body would hold its connection for ever.
    requestTimeout: options.requestTimeoutMs ?? 300_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: true, useDefaults: true } },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // The platform's today (Asia/Shanghai, from the one clock): the web app dates its forms' defaults by it, not
    // by the browser's own zone or clock.
    reply.header("x-gongzhi-today", clock.today());
  });
  installErrorHandler(app);
  installJsonBodyParser(app);
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Served over plain http on localhost or a LAN address by default: upgrading would break asset loads.
        upgradeInsecureRequests: null,
      },
    },
    // Strict-Transport-Security only means something over HTTPS: sent below when the request came over it.
    hsts: false,
  });
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=15552000; includeSubDomains");
    // Answers of signed-in callers and of every non-public route may hold personal data: no cache may keep them.
    const config = request.routeOptions.config as { permission?: string } | undefined;
    const personal = request.actor !== null || (config?.permission !== undefined && config.permission !== "public");
    if (personal && request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Gongzhi (共治) API", version: "1.0.0", description: "See docs/api.md for conventions." },
      servers: [{ url: "/" }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  installAuthentication(app, options.db);
  installIdempotency(app, options.db);

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Health check",
        description: "服务是否在运行 (is the server up)",
        response: { 200: Type.Object({ status: Type.Literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );
  const routes = routeTable(modules, {
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 30,
    secureCookies: options.secureCookies ?? false,
  }).map((entry) => entry.route);
  const permissions = permissionTable(modules);
  const publicSeconds = options.publicAnswerSeconds ?? 5;
  const publicCache = publicSeconds > 0 ? new PublicAnswerCache(publicSeconds * 1000) : null;
  await app.register(
    async (api) => mountRoutes(api, routes, { db: options.db, readDb: options.readDb, permissions, publicCache }),
    {
      prefix: "/api/v1",
    },
  );
  const rootRoutes = modules.flatMap((module) => module.rootRoutes ?? []);
  if (rootRoutes.some((route) => route.permission !== "public"))
    throw new Error("rootRoutes must be public (signed-in routes live under /api/v1)");
  await app.register(async (root) =>
    mountRoutes(root, rootRoutes, { db: options.db, readDb: options.readDb, permissions, publicCache }),
  );
  await app.register(open311Plugin(options.db), { prefix: "/open311/v2" });
  await installWebApp(app, options.webDist);
  return app;
}
