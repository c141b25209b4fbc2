/**
 * Published lists as open data: a module names the kind of its lists and gets a dataset of their entries as the
 * public pages show them — the masked name, the rank and the list's own columns — never the ID number (not even
 * masked), a phone or an address.
 */
import { sql } from "kysely";
import type { Bilingual, Indicator, OpenDataset } from "../insight/insight";
import { publicityDb } from "./publicity.tables";

/** A dataset of the entries of the lists of one kind (prefix, e.g. `points.`) that are in publicity or final. */
export function publicityDataset(input: { id: string; kindPrefix: string; title: Bilingual; description: Bilingual }) {
  const dataset: OpenDataset = {
    id: input.id,
    title: input.title,
    description: input.description,
    columns: [
      { name: "list_id", type: "string", description: { zh: "名单编号", en: "list id" } },
      { name: "list_title", type: "string", description: { zh: "名单标题", en: "list title" } },
      { name: "list_version", type: "integer", description: { zh: "名单版本", en: "list version" } },
      { name: "list_status", type: "string", description: { zh: "公示中或已定稿", en: "publicised or final" } },
      { name: "town_code", type: "string", description: { zh: "镇区代码", en: "town code" } },
      { name: "start_date", type: "date", description: { zh: "公示开始日期", en: "publicity starts" } },
      { name: "end_date", type: "date", description: { zh: "公示结束日期", en: "publicity ends" } },
      { name: "position", type: "integer", description: { zh: "序号", en: "position in the list" } },
      { name: "rank", type: "integer", description: { zh: "名次（如有）", en: "rank, when ranked" } },
      { name: "masked_name", type: "string", description: { zh: "姓名（已打码）", en: "name, masked" } },
      {
        name: "details",
        type: "string",
        description: { zh: "名单各列：列名=值，以分号分隔", en: "the list's own columns: label=value; …" },
      },
    ],
    rows: async (executor) => {
      const db = publicityDb(executor);
      const lists = await db
        .selectFrom("publicity_lists")
        .select(["id", "title", "version", "status", "town_code", "start_date", "end_date", "columns"])
        .where("kind", "like", `${input.kindPrefix}%`)
        .where("status", "in", ["publicised", "final"])
        .orderBy("start_date")
        .orderBy("id")
        .execute();
      if (lists.length === 0) return [];
      const entries = await db
        .selectFrom("publicity_entries")
        .select(["list_id", "position", "rank", "masked_name", "values"])
        .where(
          "list_id",
          "in",
          lists.map((list) => list.id),
        )
        .orderBy("list_id")
        .orderBy("position")
        .execute();
      const byId = new Map(lists.map((list) => [list.id, list]));
      return entries.map((entry) => {
        const list = byId.get(entry.list_id)!;
        return {
          list_id: list.id,
          list_title: list.title,
          list_version: list.version,
          list_status: list.status,
          town_code: list.town_code,
          start_date: list.start_date,
          end_date: list.end_date,
          position: entry.position,
          rank: entry.rank,
          masked_name: entry.masked_name,
          details: list.columns.map((column) => `${column.label}=${entry.values[column.key] ?? ""}`).join("; "),
        };
      });
    },
    updated: async (executor) => {
      const row = await publicityDb(executor)
        .selectFrom("publicity_lists")
        .select((eb) => eb.fn.max("published_at").as("at"))
        .where("kind", "like", `${input.kindPrefix}%`)
        .executeTakeFirst();
      return row?.at ? new Date(row.at).toISOString() : null;
    },
  };
  return dataset;
}

/** Objections to published lists answered in the year, and how many were upheld (rule of law). */
export const publicityIndicators: Indicator[] = [
  {
    id: "publicity.objections_upheld",
    goal: "rule_of_law",
    title: { zh: "公示异议成立件数", en: "Objections to public lists upheld" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string | null; value: string }>`select town_code, count(*) as value
          from publicity_objections where status = 'upheld' and extract(year from answered_on) = ${year}
          group by town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
  },
  {
    id: "publicity.objections_answered",
    goal: "rule_of_law",
    title: { zh: "公示异议答复件数", en: "Objections to public lists answered" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string | null; value: string }>`select town_code, count(*) as value
          from publicity_objections where status in ('upheld', 'rejected') and extract(year from answered_on) = ${year}
          group by town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
  },
];
