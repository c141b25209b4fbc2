import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { TownParams } from "../schemas";
import { errorResponses } from "../../../platform/http/response-schemas";
import { CommunitiesResponse, DepartmentsResponse, TownsResponse } from "../responses";

const tags = ["reference"];

/** Public reference data: the 24 镇区, their communities, the city departments. */
export function referenceRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/towns", { schema: { tags, response: { 200: TownsResponse } } }, async () => {
    const rows = await db.selectFrom("towns").selectAll().orderBy("code").execute();
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      pinyin: row.pinyin,
      kind: row.kind,
      centralDistrict: row.central_district,
    }));
  });

  app.get("/towns/:code/communities", { schema: { tags, params: TownParams, response: { 200: CommunitiesResponse, ...errorResponses } } }, async (request, reply) => {
    const town = await db.selectFrom("towns").select("code").where("code", "=", request.params.code).executeTakeFirst();
    if (!town) return sendNotFound(reply);
    const rows = await db.selectFrom("communities").selectAll().where("town_code", "=", town.code).orderBy("name").execute();
    return rows.map((row) => ({ id: row.id, townCode: row.town_code, name: row.name, synthetic: row.synthetic }));
  });

  app.get("/departments", { schema: { tags, response: { 200: DepartmentsResponse } } }, async () => {
    const rows = await db.selectFrom("departments").selectAll().orderBy("code").execute();
    return rows.map((row) => ({ code: row.code, name: row.name, clause: row.clause, owns: row.owns }));
  });
}
