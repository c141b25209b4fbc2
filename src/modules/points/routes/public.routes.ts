import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { sendProblem } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { defaultPolicyId, factDefinitions, presentOutcome, purposes, scoreQuestion, thresholdOf } from "../points.scoring";
import { SelfCheckBody } from "../schemas";
import { clock } from "../../../core/clock";

const tags = ["points"];

/** Public points routes (no login): the fact vocabulary and the self-check (积分自测), which stores nothing. */
export function publicPointsRoutes(instance: FastifyInstance, _dependencies: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/public/points/facts", { schema: { tags } }, async () => {
    const facts = factDefinitions(defaultPolicyId);
    if (!facts.ok) throw new Error(facts.error.message);
    return { policyId: defaultPolicyId, facts: facts.value.map((fact) => ({ name: fact.name, type: fact.type, values: fact.values ?? null, fields: fact.fields ?? null, zh: fact.zh ?? fact.name, subsetOf: fact.subsetOf ?? null })) };
  });

  app.post("/public/points/self-check", { schema: { tags, body: SelfCheckBody }, config: { rateLimit: { max: 120, timeWindow: "1 minute" } } }, async (request, reply) => {
    const { town, grade, date = clock.today(), facts } = request.body;
    const results: Record<string, ReturnType<typeof presentOutcome>> = {};
    for (const purpose of purposes) {
      const outcome = scoreQuestion(defaultPolicyId, { purpose, town, date, grade: grade ?? "primary_1", facts });
      if (!outcome.ok) return sendProblem(reply, outcome.error);
      results[purpose] = presentOutcome(outcome.value, thresholdOf(defaultPolicyId, purpose));
    }
    return { policyId: defaultPolicyId, date, town, results };
  });
}
