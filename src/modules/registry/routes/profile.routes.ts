import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { sendNotFound } from "../../../platform/http/request-context";
import { presentHousehold, presentOwnPerson } from "../presenters";
import { findHousehold, findPerson } from "../repository";
import { ProfileResponse } from "../responses";

/** GET /me/profile: a resident's own person record and household, unmasked (it is their own data). */
export const profileRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/me/profile",
    summary: { zh: "我的档案：本人及家庭（不打码）", en: "My profile: my person record and household, unmasked" },
    tags: ["registry"],
    permission: "profile.read",
    response: { 200: ProfileResponse },
    handler: async ({ db, reply, actor }) => {
      if (!actor.personId) return sendNotFound(reply);
      const person = await findPerson(db, actor.personId);
      if (!person) return sendNotFound(reply);
      const household = person.householdId ? await findHousehold(db, person.householdId) : undefined;
      return {
        person: presentOwnPerson(person),
        household: household ? presentHousehold(actor, household, true) : null,
      };
    },
  }),
];
