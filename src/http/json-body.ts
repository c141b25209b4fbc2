import type { FastifyInstance } from "fastify";

/** How deep a JSON body may nest (objects and arrays); no route declares anything near this. */
export const maxJsonDepth = 64;

/** The deepest nesting of objects and arrays in a JSON text, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92)
        index += 1; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 125 || char === 93) depth -= 1;
  }
  return deepest;
}

/** A client error for a body nested past `maxJsonDepth` (answered 400 by the error handler). */
class TooDeepError extends Error {
  statusCode = 400;
  code = "body_too_deep";
  constructor() {
    super(`请求体嵌套过深 (JSON body nested deeper than ${maxJsonDepth} levels)`);
  }
}

/**
 * Parses JSON bodies as Fastify does (prototype poisoning refused), but first refuses a body nested past
 * `maxJsonDepth`: a body of 100,000 nested arrays would overflow the parser's stack (and every walker after it),
 * which was a 500 (issue 14, found by the fuzz test).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (jsonDepth(text) > maxJsonDepth) return done(new TooDeepError(), undefined);
    parse(request, text, done);
  });
}
