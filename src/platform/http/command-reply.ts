import type { FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../core/result";
import type { CommandContext } from "../commands/context";
import { statusForProblem } from "../problems";
import type { Actor } from "../roles";
import { sendProblem } from "./request-context";

/** Sends a refused command with the status of its code (src/platform/problems.ts) and the field it names. */
export function sendRefusal(reply: FastifyReply, problem: Problem) {
  if (problem.code === "not_found") return sendProblem(reply, { code: problem.code, message: problem.message }, 404);
  return sendProblem(reply, problem, statusForProblem(problem.code));
}

/** The "not found or no access" refusal, as a value a command or route can return from a transaction. */
export const notFoundProblem: Problem = { code: "not_found", message: "记录不存在或无权访问 (not found)" };

/** A refusal for writing outside the caller's scope (e.g. a clerk registering someone in another 镇区). */
export function outOfScopeProblem(field: string): Problem {
  return { code: "forbidden", message: "只能登记或修改本镇区的记录 (only records of your own town)", field };
}

/** The command context of a request: the actor and the request id that the audit entry records. */
export function commandContext(request: FastifyRequest, actor: Actor): CommandContext {
  return { actor, requestId: request.id };
}
