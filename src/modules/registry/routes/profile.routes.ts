import type { FastifyInstance } from "fastify";
import { hasRole } from "../../../platform/roles";
import { requireActor, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { presentHousehold, presentOwnPerson } from "../presenters";
import { findHousehold, findPerson } from "../repository";
import { errorResponses } from "../../../platform/http/response-schemas";
import { ProfileResponse } from "../responses";

/** GET /me/profile: a resident's own person record and household, unmasked (it is their own data). */
export function profileRoutes(app: FastifyInstance, { db }: ModuleDependencies): void {
  app.get("/me/profile", { schema: { tags: ["registry"], response: { 200: ProfileResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!hasRole(actor, "resident")) return sendForbidden(reply);
    if (!actor.personId) return sendNotFound(reply);
    const person = await findPerson(db, actor.personId);
    if (!person) return sendNotFound(reply);
    const household = person.householdId ? await findHousehold(db, person.householdId) : undefined;
    return {
      person: presentOwnPerson(person),
      household: household ? presentHousehold(actor, household, true) : null,
    };
  });
}
