import type { FastifyReply } from "fastify";
import { statusForProblem } from "../problems";
import type { Actor } from "../roles";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in caller, set by the authentication hook; null when anonymous. */
    actor: Actor | null;
    /** The session's CSRF token, when signed in. */
    csrfToken: string | null;
    /** The raw session token from the cookie, when signed in. */
    sessionToken: string | null;
  }
}

/** Field-level messages of a validation error, keyed by field name. */
export type FieldMessages = Record<string, string>;

/** The one error shape of the API: `{ error: { code, message, fields } }`. */
export function errorBody(code: string, message: string, fields: FieldMessages = {}) {
  return { error: { code, message, fields } };
}

/** Sends an error response with the API's error shape. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields: FieldMessages = {},
) {
  return reply.code(status).send(errorBody(code, message, fields));
}

/** The single answer for "does not exist" and "exists but not yours", so nobody can probe for records. */
export function sendNotFound(reply: FastifyReply) {
  return sendError(reply, 404, "not_found", "记录不存在或无权访问 (not found)");
}

/** Answers a role that may never do this. */
export function sendForbidden(reply: FastifyReply, message = "无权执行此操作 (not allowed for your role)") {
  return sendError(reply, 403, "forbidden", message);
}

/** Sends a refused command with the status of its code (src/platform/problems.ts: 400 unless listed), naming the field when there is one. */
export function sendProblem(
  reply: FastifyReply,
  problem: { code: string; message: string; field?: string; fields?: FieldMessages },
  status = statusForProblem(problem.code),
) {
  return sendError(reply, status, problem.code, problem.message, {
    ...(problem.field && !problem.fields ? { [problem.field]: problem.message } : {}),
    ...problem.fields,
  });
}
