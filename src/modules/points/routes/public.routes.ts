import { sendProblem } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { clock } from "../../../core/clock";
import {
  defaultPolicyId,
  factDefinitions,
  presentOutcome,
  purposes,
  scoreQuestion,
  thresholdOf,
} from "../points.scoring";
import { FactsVocabularyResponse, SelfCheckResponse } from "../responses";
import { SelfCheckBody } from "../schemas";

const tags = ["points"];

/** Public points routes (no login): the fact vocabulary and the self-check (积分自测), which stores nothing. */
export const publicPointsRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/public/points/facts",
    summary: { zh: "积分指标事实词表", en: "The fact vocabulary of the current points policy" },
    tags,
    permission: "public",
    response: { 200: FactsVocabularyResponse },
    handler: () => {
      const facts = factDefinitions(defaultPolicyId);
      if (!facts.ok) throw new Error(facts.error.message);
      return {
        policyId: defaultPolicyId,
        facts: facts.value.map((fact) => ({
          name: fact.name,
          type: fact.type,
          values: fact.values ?? null,
          fields: fact.fields ?? null,
          zh: fact.zh ?? fact.name,
          subsetOf: fact.subsetOf ?? null,
        })),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/public/points/self-check",
    summary: { zh: "积分自测（不保存）", en: "Points self-check (nothing is stored)" },
    tags,
    permission: "public",
    body: SelfCheckBody,
    response: { 200: SelfCheckResponse },
    errors: [429],
    handler: ({ reply, body }) => {
      const { town, grade, date = clock.today(), facts } = body;
      const results: Record<string, ReturnType<typeof presentOutcome>> = {};
      for (const purpose of purposes) {
        const outcome = scoreQuestion(defaultPolicyId, { purpose, town, date, grade: grade ?? "primary_1", facts });
        // The form's field is `date`; the rules engine names it `application_date`.
        if (!outcome.ok)
          return sendProblem(
            reply,
            outcome.error.field === "application_date" ? { ...outcome.error, field: "date" } : outcome.error,
          );
        results[purpose] = presentOutcome(outcome.value, thresholdOf(defaultPolicyId, purpose));
      }
      return { policyId: defaultPolicyId, date, town, results };
    },
  }),
];
