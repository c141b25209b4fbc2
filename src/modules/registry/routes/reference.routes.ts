import { sendNotFound } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { TownParams } from "../schemas";
import { CommunitiesResponse, DepartmentsResponse, TownsResponse } from "../responses";

const tags = ["reference"];

/** Public reference data: the 24 镇区, their communities, the city departments. */
export const referenceRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/towns",
    summary: { zh: "24 个镇区", en: "The 24 towns and districts" },
    tags,
    permission: "public",
    response: { 200: TownsResponse },
    handler: async ({ db }) => {
      const rows = await db.selectFrom("towns").selectAll().orderBy("code").execute();
      return rows.map((row) => ({
        code: row.code,
        name: row.name,
        pinyin: row.pinyin,
        kind: row.kind,
        centralDistrict: row.central_district,
      }));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/towns/:code/communities",
    summary: { zh: "镇区的社区", en: "The communities of a town" },
    tags,
    permission: "public",
    params: TownParams,
    response: { 200: CommunitiesResponse },
    handler: async ({ db, reply, params }) => {
      const town = await db.selectFrom("towns").select("code").where("code", "=", params.code).executeTakeFirst();
      if (!town) return sendNotFound(reply);
      const rows = await db
        .selectFrom("communities")
        .selectAll()
        .where("town_code", "=", town.code)
        .orderBy("name")
        .execute();
      return rows.map((row) => ({
        id: row.id,
        townCode: row.town_code,
        name: row.name,
        synthetic: row.synthetic,
        located: row.x !== null && row.y !== null,
      }));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/departments",
    summary: { zh: "市直部门", en: "The city departments" },
    tags,
    permission: "public",
    response: { 200: DepartmentsResponse },
    handler: async ({ db }) => {
      const rows = await db.selectFrom("departments").selectAll().orderBy("code").execute();
      return rows.map((row) => ({ code: row.code, name: row.name, clause: row.clause, owns: row.owns }));
    },
  }),
];
