/**
 * What the purchased-services module publishes as open data: the qualified vendors (organisations, with their
 * categories and qualification dates — never the legal representative, the credit code or an account), and the
 * awards of service needs (the need, the winning vendor, its price and score, the number of valid bids).
 */
import { sql } from "kysely";
import { clock } from "../../core/clock";
import { fenToYuanString } from "../../core/money";
import { latestTime, type OpenDataset } from "../../platform/insight/insight";
import { publicityDb } from "../../platform/publicity/publicity.tables";
import { listNeeds, listQualifiedVendors } from "./repository";

/** The award as stored on an awarded need (commands/panel.ts). */
interface StoredAward {
  validBids?: number;
  exception?: unknown;
  ranking: { bidId: string; vendorName: string; priceFen: number; score: string; rank: number }[];
}

const yuan = (fen: number) => Number(fenToYuanString(fen));

export const servicesOpenData: OpenDataset[] = [
  {
    id: "services-qualified-vendors",
    title: { zh: "政府购买服务合格机构名录", en: "Qualified service vendors" },
    description: {
      zh: "今日资质有效的服务机构：名称、所在镇区、资质类别和有效期",
      en: "Vendors qualified today: name, town, service categories and the qualification's dates",
    },
    columns: [
      { name: "name", type: "string", description: { zh: "机构名称", en: "organisation" } },
      {
        name: "town_code",
        type: "string",
        description: { zh: "所在镇区代码（空：全市）", en: "town code (empty: city)" },
      },
      {
        name: "categories",
        type: "string",
        description: {
          zh: "资质类别，以分号分隔：social_work 社会工作、elderly_care 养老、youth 青少年、community 社区治理、assistance 社会救助",
          en: "service categories, separated by semicolons",
        },
      },
      { name: "qualified_on", type: "date", description: { zh: "资质授予日期", en: "qualified on" } },
      { name: "qualified_until", type: "date", description: { zh: "资质有效期至", en: "qualified until" } },
    ],
    rows: async (db) =>
      (await listQualifiedVendors(db, clock.today())).map((vendor) => ({
        name: vendor.name,
        town_code: vendor.townCode,
        categories: vendor.qualifications.join(";"),
        qualified_on: vendor.qualifiedOn,
        qualified_until: vendor.qualifiedUntil,
      })),
    updated: async (db) => {
      const row = await sql<{ created: Date | null; qualified: string | null }>`select
          max(created_at) as created, max(qualified_on)::text as qualified from services_vendors`.execute(db);
      return latestTime([row.rows[0]?.created, row.rows[0]?.qualified]);
    },
  },
  {
    id: "services-awards",
    title: { zh: "政府购买服务评审结果", en: "Awards of purchased services" },
    description: {
      zh: "已评定的服务需求：部门、镇区、预算、服务期、有效投标数、中标机构、报价和综合得分",
      en: "Awarded service needs: department, town, budget, service period, valid bids, the winning vendor, its price and score",
    },
    columns: [
      { name: "need_title", type: "string", description: { zh: "服务需求", en: "service need (Chinese)" } },
      { name: "department_code", type: "string", description: { zh: "购买部门代码", en: "department code" } },
      { name: "department_name", type: "string", description: { zh: "购买部门", en: "department (Chinese)" } },
      { name: "town_code", type: "string", description: { zh: "服务镇区代码", en: "town code" } },
      { name: "budget_yuan", type: "number", description: { zh: "预算（元）", en: "budget, yuan" } },
      { name: "period_start", type: "date", description: { zh: "服务期开始", en: "service period starts" } },
      { name: "period_end", type: "date", description: { zh: "服务期结束", en: "service period ends" } },
      { name: "bids_close_on", type: "date", description: { zh: "投标截止日期", en: "last bidding day" } },
      { name: "valid_bids", type: "integer", description: { zh: "有效投标数", en: "valid bids" } },
      {
        name: "exception_reason",
        type: "string",
        description: { zh: "不足三家有效投标时记录的例外理由", en: "the recorded exception to the 3-bid rule" },
      },
      { name: "winner", type: "string", description: { zh: "中标机构", en: "winning vendor" } },
      { name: "winner_price_yuan", type: "number", description: { zh: "中标报价（元）", en: "winning price, yuan" } },
      { name: "winner_score", type: "number", description: { zh: "综合得分", en: "winner's total score" } },
      { name: "publicised_on", type: "date", description: { zh: "结果公示开始日期", en: "result publicised on" } },
    ],
    rows: async (db) => {
      const awarded = (await listNeeds(db)).filter((need) => need.status === "awarded");
      const lists = awarded.flatMap((need) => (need.publicityListId ? [need.publicityListId] : []));
      const starts =
        lists.length === 0
          ? []
          : await publicityDb(db)
              .selectFrom("publicity_lists")
              .select(["id", "start_date"])
              .where("id", "in", lists)
              .execute();
      return awarded
        .sort((a, b) => (a.bidsCloseOn < b.bidsCloseOn ? -1 : a.bidsCloseOn > b.bidsCloseOn ? 1 : a.id < b.id ? -1 : 1))
        .map((need) => {
          const award = need.award as StoredAward | null;
          const winner = award?.ranking.find((entry) => entry.bidId === need.winnerBidId);
          return {
            need_title: need.title,
            department_code: need.departmentCode,
            department_name: need.departmentName,
            town_code: need.townCode,
            budget_yuan: yuan(need.budgetFen),
            period_start: need.periodStart,
            period_end: need.periodEnd,
            bids_close_on: need.bidsCloseOn,
            valid_bids: award?.validBids ?? award?.ranking.length ?? null,
            exception_reason: need.exceptionReason,
            winner: winner?.vendorName ?? null,
            winner_price_yuan: winner ? yuan(winner.priceFen) : null,
            winner_score: winner ? Number(winner.score) : null,
            publicised_on: starts.find((list) => list.id === need.publicityListId)?.start_date ?? null,
          };
        });
    },
    updated: async (db) => {
      const row = await sql<{ publicised: string | null }>`select max(l.start_date)::text as publicised
        from services_needs n join publicity_lists l on l.id = n.publicity_list_id
        where n.status = 'awarded'`.execute(db);
      return latestTime([row.rows[0]?.publicised]);
    },
  },
];
