import type { FastifyRequest } from "fastify";

// Rate limits and Cache-Control come from the route declaration, applied by `mountRoutes` to every route: a public
// (anonymous) route without a limit of its own gets `publicRateLimit`; a successful anonymous GET of a public route
// may be kept by browsers and proxies for the route's `cache.maxAge` (default one minute); every other answer —
// anything to a signed-in caller, every non-public route, every error — is `no-store`.

/** The rate-limit key: the account when signed in, else the client address. */
export function accountOrAddress(request: FastifyRequest): string {
  return request.actor ? `account:${request.actor.id}` : `address:${request.ip}`;
}

/** A route's rate limit, as @fastify/rate-limit reads it from the route's config. */
export interface RouteRateLimit {
  max: number;
  timeWindow: string;
  keyGenerator?: (request: FastifyRequest) => string;
  /**
   * A second limit per client address over the same window, signed in or not, for writes where one address
   * with many accounts must not multiply the per-account limit (reports, supports, comments). Set it well above
   * `max`: households and mobile networks put many people behind one address.
   */
  perAddress?: number;
}

/** How many accounts' worth of writes one address may make where a route sets a per-address limit. */
export const perAddressFactor = 10;

/** The key of the per-address limit: the route and the client address. */
export function addressKey(route: { method: string; url: string }, request: FastifyRequest): string {
  return `address:${route.method} ${route.url}:${request.ip}`;
}

/** The limit of every public route that declares none: 120 requests a minute per account or client address. */
export const publicRateLimit: RouteRateLimit = { max: 120, timeWindow: "1 minute", keyGenerator: accountOrAddress };

/** How long anonymous answers of a public GET may be kept, unless the route says otherwise. */
export const defaultPublicMaxAge = 60;

/** What a route declares about caching: a public answer kept `maxAge` seconds, or never kept. */
export type RouteCache = { maxAge: number } | "no-store";

/** The part of a route declaration these rules read. */
interface Declared {
  method: string;
  permission: string;
  cache?: RouteCache;
  config?: Record<string, unknown>;
}

/** The route's rate limit: its own, or for a public route the platform's; none for a signed-in-only route. */
export function rateLimitOf(route: Declared): RouteRateLimit | undefined {
  const own = route.config?.rateLimit as RouteRateLimit | undefined;
  return own ?? (route.permission === "public" ? publicRateLimit : undefined);
}

/** The seconds a public GET's anonymous answer may be kept, or null when it may not be kept at all. */
export function publicMaxAge(route: Declared): number | null {
  if (route.permission !== "public" || route.method !== "GET" || route.cache === "no-store") return null;
  return route.cache?.maxAge ?? defaultPublicMaxAge;
}

/** The Cache-Control of one answer: public only for a successful anonymous GET of a cacheable public route. */
export function cacheControlFor(route: Declared, signedIn: boolean, status: number): string {
  const maxAge = publicMaxAge(route);
  if (maxAge === null || signedIn || status >= 300) return "no-store";
  return `public, max-age=${maxAge}`;
}
