/**
 * What the fund publishes: the results of every allocated call as open data (each application's rank, score,
 * outcome and grant, as the public results page shows them — never the payee or the bank account), and projects
 * granted money in the year's calls as a dashboard figure (vitality; the fund is city-wide).
 */
import { sql } from "kysely";
import { fenToYuanString } from "../../core/money";
import { latestTime, type Indicator, type OpenDataset } from "../../platform/insight/insight";
import { listApplications, listCalls } from "./repository";

const yuan = (fen: number) => Number(fenToYuanString(fen));

export const fundOpenData: OpenDataset[] = [
  {
    id: "fund-results",
    title: { zh: "社会管理创新专项资金评审和资助结果", en: "Innovation fund results" },
    description: {
      zh: "已评定批次的全部申报项目：申报单位、项目、类别、申请金额、评审得分、排名、结果、资助和已拨付金额（不含收款账户）",
      en: "Every application of the allocated calls: applicant, project, category, amount requested, score, rank, outcome, grant and amount paid (no payee or bank account)",
    },
    columns: [
      { name: "year", type: "integer", description: { zh: "年度", en: "year" } },
      { name: "call_title", type: "string", description: { zh: "申报批次", en: "call (Chinese)" } },
      { name: "rank", type: "integer", description: { zh: "排名（空：未排名）", en: "rank (empty: not ranked)" } },
      { name: "applicant_name", type: "string", description: { zh: "申报单位", en: "applicant organisation" } },
      {
        name: "applicant_type",
        type: "string",
        description: { zh: "单位类型：town 镇区、department 部门、organisation 社会组织", en: "applicant type" },
      },
      { name: "town_code", type: "string", description: { zh: "镇区代码（如有）", en: "town code, when any" } },
      { name: "project_title", type: "string", description: { zh: "项目名称", en: "project (Chinese)" } },
      { name: "category", type: "string", description: { zh: "类别代码", en: "category code" } },
      { name: "requested_yuan", type: "number", description: { zh: "申请金额（元）", en: "requested, yuan" } },
      { name: "score", type: "number", description: { zh: "评审得分", en: "review score" } },
      { name: "outcome", type: "string", description: { zh: "评审结果", en: "outcome" } },
      { name: "granted_yuan", type: "number", description: { zh: "资助金额（元）", en: "granted, yuan" } },
      { name: "paid_yuan", type: "number", description: { zh: "已拨付金额（元）", en: "paid so far, yuan" } },
    ],
    rows: async (db) => {
      const rows = [];
      const calls = (await listCalls(db)).filter((call) => call.status === "allocated").reverse();
      for (const call of calls)
        for (const application of await listApplications(db, call.id))
          rows.push({
            year: call.year,
            call_title: call.title,
            rank: application.rank,
            applicant_name: application.applicantName,
            applicant_type: application.applicantType,
            town_code: application.townCode,
            project_title: application.title,
            category: application.category,
            requested_yuan: yuan(application.requestedFen),
            score: application.score === null ? null : Number(application.score),
            outcome: application.outcome,
            granted_yuan: yuan(application.grantedFen),
            paid_yuan: yuan(application.paidFen),
          });
      return rows;
    },
    updated: async (db) => {
      // Results change when a call is allocated (its list is published) and when a payment is made.
      const row = await sql<{ allocated: Date | null; paid: Date | null }>`select
          (select max(l.published_at) from fund_calls c join publicity_lists l on l.id = c.publicity_list_id
            where c.status = 'allocated') as allocated,
          (select max(p.created_at) from fund_payments p) as paid`.execute(db);
      return latestTime([row.rows[0]?.allocated, row.rows[0]?.paid]);
    },
  },
];

export const fundIndicators: Indicator[] = [
  {
    id: "fund.projects",
    goal: "vitality",
    title: { zh: "创新资金资助项目", en: "Innovation fund projects funded" },
    unit: "count",
    // Applicants are towns, departments and organisations, not residents of a 镇区: no figure per 镇区.
    perTown: async () => [],
    cityValue: async (db, { year }) => {
      const row = await sql<{ count: string }>`select count(*) as count from fund_applications a
        join fund_calls c on c.id = a.call_id where c.year = ${year} and a.granted_fen > 0`.execute(db);
      return Number(row.rows[0]?.count ?? 0);
    },
  },
];
