/**
 * What the suggestions module publishes: every idea with its support count, state and public answer as open data
 * (never the proposer, not even masked, nor who supported it), and ideas adopted (adopted, partly adopted or
 * implemented) in a year as a dashboard figure.
 */
import { sql } from "kysely";
import { latestTime, type Indicator, type OpenDataset } from "../../platform/insight/insight";
import { suggestionsDb } from "./tables";

export const suggestionOpenData: OpenDataset[] = [
  {
    id: "suggestions",
    title: { zh: "金点子及答复", en: "Suggestions and their answers" },
    description: {
      zh: "居民提出的金点子：标题、镇区、负责部门、所属活动、支持人数、状态、答复期限和公开答复（不含提出人和支持人）",
      en: "Residents' suggestions: title, town, owning department, campaign, supporters, state, answer deadline and the public answer (no proposer, no supporters)",
    },
    columns: [
      { name: "reference", type: "string", description: { zh: "编号", en: "reference" } },
      { name: "title", type: "string", description: { zh: "标题", en: "title" } },
      { name: "town_code", type: "string", description: { zh: "镇区代码", en: "town code" } },
      { name: "department_code", type: "string", description: { zh: "负责部门代码", en: "owning department code" } },
      { name: "department_name", type: "string", description: { zh: "负责部门", en: "owning department (Chinese)" } },
      {
        name: "campaign_code",
        type: "string",
        description: { zh: "所属全民参与活动代码（空：无）", en: "campaign code (empty: none)" },
      },
      {
        name: "state",
        type: "string",
        description: {
          zh: "状态：submitted 已提出、under_review 审议中、adopted 采纳、partly_adopted 部分采纳、not_adopted 不采纳、implemented 已落实",
          en: "state: submitted, under_review, adopted, partly_adopted, not_adopted, implemented",
        },
      },
      { name: "support_count", type: "integer", description: { zh: "支持人数", en: "supporters" } },
      {
        name: "support_threshold",
        type: "integer",
        description: { zh: "须答复的支持门槛", en: "supporters needed for an answer" },
      },
      { name: "submitted_on", type: "date", description: { zh: "提出日期", en: "submitted on" } },
      {
        name: "threshold_reached_on",
        type: "date",
        description: { zh: "达到门槛日期", en: "threshold reached on" },
      },
      { name: "answer_due_on", type: "date", description: { zh: "答复期限", en: "answer due on" } },
      { name: "answered_on", type: "date", description: { zh: "答复日期", en: "answered on" } },
      { name: "answer", type: "string", description: { zh: "公开答复", en: "the public answer (Chinese)" } },
    ],
    rows: async (db) =>
      (
        await suggestionsDb(db)
          .selectFrom("suggestions as s")
          .innerJoin("departments as d", "d.code", "s.department_code")
          .leftJoin("participation_campaigns as c", "c.id", "s.campaign_id")
          .select([
            "s.reference",
            "s.title",
            "s.town_code",
            "s.department_code",
            "d.name as department_name",
            "c.code as campaign_code",
            "s.state",
            "s.support_count",
            "s.support_threshold",
            "s.submitted_on",
            "s.threshold_reached_on",
            "s.answer_due_on",
            "s.answered_on",
            "s.answer",
          ])
          .orderBy("s.submitted_on")
          .orderBy("s.reference")
          .execute()
      ).map((row) => ({ ...row })),
    updated: async (db) => {
      const row = await sql<{ created: Date | null; supported: Date | null; answered: string | null }>`select
          (select max(created_at) from suggestions) as created,
          (select max(created_at) from suggestion_supports) as supported,
          (select max(answered_on)::text from suggestions) as answered`.execute(db);
      const latest = row.rows[0];
      return latestTime([latest?.created, latest?.supported, latest?.answered]);
    },
  },
];

export const suggestionIndicators: Indicator[] = [
  {
    id: "suggestions.adopted",
    goal: "vitality",
    title: { zh: "采纳金点子", en: "Suggestions adopted" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select town_code, count(*) as value from suggestions
          where state in ('adopted', 'partly_adopted', 'implemented') and extract(year from answered_on) = ${year}
          group by town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
    monthly: async (db, { year, townCode }) =>
      (
        await sql<{ month: number; value: string }>`select extract(month from answered_on)::int as month,
            count(*) as value from suggestions
          where state in ('adopted', 'partly_adopted', 'implemented') and extract(year from answered_on) = ${year}
            and (${townCode ?? null}::text is null or town_code = ${townCode ?? null})
          group by 1 order by 1`.execute(db)
      ).rows.map((row) => ({ month: Number(row.month), value: Number(row.value) })),
  },
];
