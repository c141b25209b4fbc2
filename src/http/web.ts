import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { errorBody } from "../platform/http/request-context";

const missingBuildPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>共治 Gongzhi</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>共治 Gongzhi</h1>
<p>网页应用尚未构建。请运行 <code>npm run build:web</code>，然后刷新本页。</p>
<p>The web app has not been built. Run <code>npm run build:web</code> and reload this page.</p>
<p>API: <a href="/api/health">/api/health</a> · <a href="/api/docs">/api/docs</a></p>
</body></html>`;

/**
 * Serves the built web app from `web/dist` with an SPA fallback to index.html for non-/api paths, or a page
 * telling how to build it when the folder is missing. Files are looked up per request (a wildcard route, not
 * a list made at start-up), so a rebuild — new hashed asset names, a new index.html, or a first build after
 * start — is served without a restart. Unknown /api paths get a JSON 404, unknown asset paths a plain 404.
 */
export async function installWebApp(app: FastifyInstance, webDist = resolve("web/dist")): Promise<void> {
  const indexFile = join(webDist, "index.html");
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: "/",
    wildcard: true,
    index: ["index.html"],
    suppressWarning: true,
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/api/") || path === "/api" || (request.method !== "GET" && request.method !== "HEAD")) {
      return reply.code(404).send(errorBody("not_found", `没有这个接口 (no route ${request.method} ${path})`));
    }
    if (!existsSync(indexFile)) return reply.code(200).type("text/html; charset=utf-8").send(missingBuildPage);
    // A missing file (an old asset name) is a 404, not the app: only client routes fall back to index.html.
    if (/\.[a-z0-9]{1,8}$/i.test(path)) return reply.code(404).type("text/plain; charset=utf-8").send("not found");
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  });
}
