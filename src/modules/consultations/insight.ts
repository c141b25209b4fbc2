/**
 * What the consultations module publishes as open data: every public consultation (公开征求意见) with its status, the
 * number of comments received, the published report's summary and how its items were answered, and the decision
 * taken — never a commenter, not even masked. Community deliberations (村居议事) are seen only by the residents of
 * their 社区 and are not published.
 */
import { sql } from "kysely";
import { latestTime, type OpenDataset } from "../../platform/insight/insight";
import { consultationQuery, statusOf } from "./repository";

export const consultationsOpenData: OpenDataset[] = [
  {
    id: "consultations",
    title: { zh: "公开征求意见及决定", en: "Public consultations and their decisions" },
    description: {
      zh: "公开征求意见：标题、部门、征求期、状态、收到意见数、意见采纳情况报告和最终决定（不含发表意见的人）",
      en: "Public consultations: title, department, period, status, comments received, the report on how comments were taken up, and the decision (no commenters)",
    },
    columns: [
      { name: "reference", type: "string", description: { zh: "编号", en: "reference" } },
      { name: "title", type: "string", description: { zh: "标题", en: "title" } },
      { name: "summary", type: "string", description: { zh: "简介", en: "summary (Chinese)" } },
      { name: "department_code", type: "string", description: { zh: "征求部门代码", en: "department code" } },
      { name: "department_name", type: "string", description: { zh: "征求部门", en: "department (Chinese)" } },
      { name: "opens_on", type: "date", description: { zh: "征求开始日期", en: "opens on" } },
      { name: "closes_on", type: "date", description: { zh: "征求截止日期", en: "closes on" } },
      {
        name: "status",
        type: "string",
        description: {
          zh: "状态：upcoming 未开始、open 征求中、closed 已截止、reported 已公布报告、decided 已公布决定",
          en: "status: upcoming, open, closed, reported, decided",
        },
      },
      { name: "comment_count", type: "integer", description: { zh: "收到意见条数", en: "comments received" } },
      {
        name: "report_published_on",
        type: "date",
        description: { zh: "意见采纳情况报告公布日期", en: "report published on" },
      },
      { name: "report_summary", type: "string", description: { zh: "报告摘要", en: "report summary (Chinese)" } },
      {
        name: "items_adopted",
        type: "integer",
        description: { zh: "报告中采纳的意见项", en: "report items adopted" },
      },
      {
        name: "items_partly_adopted",
        type: "integer",
        description: { zh: "报告中部分采纳的意见项", en: "report items partly adopted" },
      },
      {
        name: "items_not_adopted",
        type: "integer",
        description: { zh: "报告中未采纳的意见项", en: "report items not adopted" },
      },
      { name: "decision_title", type: "string", description: { zh: "决定标题", en: "decision title" } },
      { name: "decision_text", type: "string", description: { zh: "决定内容", en: "decision text (Chinese)" } },
      {
        name: "decision_published_on",
        type: "date",
        description: { zh: "决定公布日期", en: "decision published on" },
      },
    ],
    rows: async (db) => {
      const records = await consultationQuery(db)
        .where("c.kind", "=", "public")
        .orderBy("c.opens_on")
        .orderBy("c.reference")
        .execute();
      const outcomes = await sql<{ consultation_id: string; outcome: string; count: string }>`select
          consultation_id, outcome, count(*) as count from consultation_report_items
        group by consultation_id, outcome`.execute(db);
      const count = (id: string, outcome: string) =>
        Number(outcomes.rows.find((row) => row.consultation_id === id && row.outcome === outcome)?.count ?? 0);
      return records.map((record) => {
        const reported = record.reportPublishedOn !== null;
        return {
          reference: record.reference,
          title: record.title,
          summary: record.summary,
          department_code: record.departmentCode,
          department_name: record.departmentName,
          opens_on: record.opensOn,
          closes_on: record.closesOn,
          status: statusOf(record),
          comment_count: Number(record.commentCount),
          report_published_on: record.reportPublishedOn,
          report_summary: reported ? record.reportSummary : null,
          items_adopted: reported ? count(record.id, "adopted") : null,
          items_partly_adopted: reported ? count(record.id, "partly_adopted") : null,
          items_not_adopted: reported ? count(record.id, "not_adopted") : null,
          decision_title: record.decisionPublishedOn ? record.decisionTitle : null,
          decision_text: record.decisionPublishedOn ? record.decisionText : null,
          decision_published_on: record.decisionPublishedOn,
        };
      });
    },
    updated: async (db) => {
      const row = await sql<{ created: Date | null; commented: Date | null; published: string | null }>`select
          (select max(created_at) from consultations where kind = 'public') as created,
          (select max(k.created_at) from consultation_comments k join consultations c on c.id = k.consultation_id
            where c.kind = 'public') as commented,
          (select greatest(max(report_published_on), max(decision_published_on))::text from consultations
            where kind = 'public') as published`.execute(db);
      const latest = row.rows[0];
      return latestTime([latest?.created, latest?.commented, latest?.published]);
    },
  },
];
