/**
 * What the participation module publishes: each campaign's public figures as open data (participants, hours,
 * Party-member participants — counts of people under 5 shown as "<5", never a volunteer), and the dashboard
 * indicators (vitality), from the hours ledger: people who served in the year (net hours above zero) and the hours
 * served, per 镇区 of the volunteer's registry record and per month.
 */
import { sql } from "kysely";
import { latestTime, suppressed, type Indicator, type OpenDataset } from "../../platform/insight/insight";
import { formatHours } from "./hours";
import { campaignFigures, listCampaigns } from "./repository";

export const participationOpenData: OpenDataset[] = [
  {
    id: "participation-campaigns",
    title: { zh: "全民参与活动数据", en: "Participation campaigns in figures" },
    description: {
      zh: "各全民参与活动（专项行动）：主管部门、起止日期、志愿服务活动数、参与人数、服务时数和党员参与人数（不足5人显示为“<5”）",
      en: 'Each participation campaign: owning department, dates, volunteer activities, participants, hours served and Party-member participants ("<5" for 1–4 people)',
    },
    columns: [
      { name: "code", type: "string", description: { zh: "活动代码", en: "campaign code" } },
      { name: "name", type: "string", description: { zh: "活动名称", en: "campaign name (Chinese)" } },
      { name: "goal", type: "string", description: { zh: "活动目标", en: "goal (Chinese)" } },
      { name: "department_code", type: "string", description: { zh: "主管部门代码", en: "department code" } },
      { name: "department_name", type: "string", description: { zh: "主管部门", en: "department (Chinese)" } },
      { name: "starts_on", type: "date", description: { zh: "开始日期", en: "starts on" } },
      { name: "ends_on", type: "date", description: { zh: "结束日期（空：长期）", en: "ends on (empty: ongoing)" } },
      {
        name: "activities",
        type: "integer",
        description: { zh: "已发布的志愿服务活动数", en: "volunteer activities published" },
      },
      {
        name: "participants",
        type: "string",
        description: {
          zh: "参与人数（有服务时数的人；不足5人显示为“<5”）",
          en: 'people with hours served ("<5" for 1–4)',
        },
      },
      { name: "hours", type: "number", description: { zh: "服务时数", en: "hours served" } },
      {
        name: "party_member_participants",
        type: "string",
        description: { zh: "其中党员人数（不足5人显示为“<5”）", en: 'of whom Party members ("<5" for 1–4)' },
      },
    ],
    rows: async (db) => {
      const activities = await sql<{ campaign_id: string; count: string }>`select campaign_id, count(*) as count
        from volunteer_activities where campaign_id is not null and status = 'published'
        group by campaign_id`.execute(db);
      const rows = [];
      for (const campaign of await listCampaigns(db)) {
        const figures = await campaignFigures(db, campaign.id);
        rows.push({
          code: campaign.code,
          name: campaign.name,
          goal: campaign.goal,
          department_code: campaign.departmentCode,
          department_name: campaign.departmentName,
          starts_on: campaign.startsOn,
          ends_on: campaign.endsOn,
          activities: Number(activities.rows.find((row) => row.campaign_id === campaign.id)?.count ?? 0),
          participants: String(suppressed(figures.participants, "people")),
          hours: Number(formatHours(figures.hundredths)),
          party_member_participants: String(suppressed(figures.partyParticipants, "people")),
        });
      }
      return rows;
    },
    updated: async (db) => {
      const row = await sql<{ created: Date | null; served: Date | null }>`select
          (select max(created_at) from participation_campaigns) as created,
          (select max(created_at) from volunteer_ledger where campaign_id is not null) as served`.execute(db);
      return latestTime([row.rows[0]?.created, row.rows[0]?.served]);
    },
  },
];

export const participationIndicators: Indicator[] = [
  {
    id: "participation.volunteers",
    goal: "vitality",
    title: { zh: "参与志愿服务人数（年内有服务时数）", en: "Volunteers who served in the year" },
    unit: "people",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select p.town_code, count(*) as value from (
            select person_id from volunteer_ledger where extract(year from served_on) = ${year}
            group by person_id having sum(hundredths) > 0) served
          join persons p on p.id = served.person_id group by p.town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
  },
  {
    id: "participation.volunteer_hours",
    goal: "vitality",
    title: { zh: "志愿服务时数", en: "Volunteer hours" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select p.town_code, sum(l.hundredths) as value
          from volunteer_ledger l join persons p on p.id = l.person_id
          where extract(year from l.served_on) = ${year} group by p.town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) / 100 })),
    monthly: async (db, { year, townCode }) =>
      (
        await sql<{ month: number; value: string }>`select extract(month from l.served_on)::int as month,
            sum(l.hundredths) as value from volunteer_ledger l join persons p on p.id = l.person_id
          where extract(year from l.served_on) = ${year}
            and (${townCode ?? null}::text is null or p.town_code = ${townCode ?? null})
          group by 1 order by 1`.execute(db)
      ).rows.map((row) => ({ month: Number(row.month), value: Number(row.value) / 100 })),
  },
];
