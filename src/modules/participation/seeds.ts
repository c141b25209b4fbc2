/**
 * Demo data of the participation module (loaded by `gongzhi demo` through the manifest): the six 全民 campaigns,
 * the demo `organiser` as organiser of the Shiqi social-work centre, past activities with check-ins, confirmed
 * hours and one correction, upcoming activities with a full one and its waiting list, the demo resident's own
 * sign-ups, hours and an import of hours served elsewhere in Guangdong, and some Party-member declarations.
 * Every date is planned from the clock (past activities in the past, upcoming ones ahead), so the seeds hold on
 * every day of the year.
 */
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { clock } from "../../core/clock";
import { addDays } from "../../core/dates";
import type { Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { SeedOptions } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { standardCampaigns } from "./campaigns.catalogue";
import { createCampaign } from "./commands/campaign.create";
import { confirmHours, reverseEntry } from "./commands/ledger.commands";
import { importOutsideHours } from "./commands/ledger.import";
import {
  addOrganiser,
  checkIn,
  checkOut,
  createActivity,
  declareProfile,
  signUp,
} from "./commands/volunteering.commands";
import { findCampaignByCode } from "./repository";
import { participationDb, type VolunteerCategory } from "./tables";

const seedContext = { actor: null, username: "demo", requestId: null };

function must<T>(step: string, result: Result<T>): T {
  if (!result.ok) throw new Error(`participation demo seed, ${step} on ${clock.today()}: ${result.error.message}`);
  return result.value;
}

/** Creates the six 全民 campaigns (skipping any already present). */
export async function seedCampaigns(trx: Trx): Promise<void> {
  const startsOn = `${Number(clock.today().slice(0, 4)) - 1}-01-01`;
  for (const campaign of standardCampaigns) {
    if (await findCampaignByCode(trx, campaign.code)) continue;
    must(`campaign ${campaign.code}`, await createCampaign(trx, seedContext, { ...campaign, startsOn, endsOn: null }));
  }
}

/** An instant on a day relative to today, at a Shanghai wall-clock time. */
function at(daysFromToday: number, time: string): string {
  return new Date(`${addDays(clock.today(), daysFromToday)}T${time}:00+08:00`).toISOString();
}

/** A sign-up of a demo volunteer without an account (as if made online earlier), in queue order. */
async function seedSignup(trx: Trx, activityId: string, personId: string, status: "confirmed" | "waiting") {
  const db = participationDb(trx);
  const inserted = await db
    .insertInto("volunteer_signups")
    .values({
      activity_id: activityId,
      person_id: personId,
      town_code: db.selectFrom("volunteer_activities").select("town_code").where("id", "=", activityId),
      status,
      queue_position: sql`nextval('volunteer_signup_queue')`,
      token: randomBytes(16).toString("base64url"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

interface PastActivity {
  title: string;
  campaign: string;
  category: VolunteerCategory;
  daysAgo: number;
  from: string;
  to: string;
  volunteers: number;
  confirm: boolean;
}

const pastActivities: PastActivity[] = [
  {
    title: "社区公益集市志愿服务",
    campaign: "gongyi",
    category: "general",
    daysAgo: 400,
    from: "09:00",
    to: "12:00",
    volunteers: 6,
    confirm: true,
  },
  {
    title: "文明交通劝导",
    campaign: "chuangwen",
    category: "general",
    daysAgo: 40,
    from: "14:00",
    to: "17:30",
    volunteers: 10,
    confirm: true,
  },
  {
    title: "禁毒宣传进社区",
    campaign: "jindu",
    category: "anti_drug",
    daysAgo: 10,
    from: "09:00",
    to: "12:00",
    volunteers: 8,
    confirm: true,
  },
  {
    title: "安全生产宣传进企业",
    campaign: "zhian",
    category: "safety_publicity",
    daysAgo: 20,
    from: "09:30",
    to: "11:30",
    volunteers: 5,
    confirm: true,
  },
  {
    title: "网络文明宣传夜校",
    campaign: "xiushen",
    category: "online_civility",
    daysAgo: 3,
    from: "19:00",
    to: "21:00",
    volunteers: 4,
    confirm: false,
  },
];

async function outsideHoursXlsx(person: { name: string; id_number: string }): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("志愿服务记录");
  sheet.addRow(["记录编号", "身份证号码", "姓名", "服务日期", "服务时长", "服务类别", "服务地区", "活动名称"]);
  const year = clock.today().slice(0, 4);
  sheet.addRow([
    `GD-DEMO-${year}-0001`,
    person.id_number,
    person.name,
    addDays(clock.today(), -200),
    "6",
    "一般志愿服务",
    "广州市",
    "图书馆志愿服务（示例）",
  ]);
  sheet.addRow([
    `GD-DEMO-${year}-0002`,
    person.id_number,
    person.name,
    addDays(clock.today(), -100),
    // With the 3 hours of 禁毒宣传进社区 the resident has 23.5 special hours, so the 2 hours of the evening class
    // the organiser has yet to confirm cross the full 25 (2 points): the browser test sees her total change.
    "20.5",
    "禁毒宣传",
    "佛山市",
    "禁毒宣传（示例）",
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

/** The volunteering demo: organiser, activities, sign-ups, hours, a correction, an import, declarations. */
async function seedVolunteering(trx: Trx): Promise<void> {
  const db = participationDb(trx);
  if (await db.selectFrom("volunteer_activities").select("id").limit(1).executeTakeFirst()) return;
  const shiqiCentre = await trx
    .selectFrom("organisations")
    .select("id")
    .where("credit_code", "=", "52442000MJL000001A")
    .executeTakeFirst();
  const xiaolanAssociation = await trx
    .selectFrom("organisations")
    .select("id")
    .where("credit_code", "=", "51442000MJL000002B")
    .executeTakeFirst();
  const organiserAccount = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "organiser")
    .executeTakeFirst();
  const residentAccount = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "resident")
    .executeTakeFirst();
  const adminAccount = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "programme.admin")
    .executeTakeFirst();
  if (!shiqiCentre || !xiaolanAssociation || !organiserAccount || !residentAccount) return;
  must("organiser", await addOrganiser(trx, seedContext, shiqiCentre.id, "organiser"));
  const organiser = (await loadActor(trx, organiserAccount.id))!;
  const resident = (await loadActor(trx, residentAccount.id))!;
  const admin: Actor | null = adminAccount ? await loadActor(trx, adminAccount.id) : null;
  const organiserContext = { actor: organiser, requestId: null };
  const residentContext = { actor: resident, requestId: null };
  const volunteers = await trx
    .selectFrom("persons")
    .select(["id", "name", "id_number"])
    .where("town_code", "in", ["shiqi", "dongqu", "xiaolan"])
    .where("id", "<>", resident.personId ?? "")
    .where("birth_date", "<", addDays(clock.today(), -18 * 366))
    .orderBy("id")
    .limit(40)
    .execute();
  // About a third of the volunteers declare themselves Party-member volunteers (their own declaration).
  for (const [index, volunteer] of volunteers.entries()) {
    if (index % 3 === 0)
      await db.insertInto("volunteer_profiles").values({ person_id: volunteer.id, party_member: true }).execute();
  }
  must("declaration", await declareProfile(trx, residentContext, true));

  let firstEntry: string | null = null;
  for (const [index, plan] of pastActivities.entries()) {
    // Recorded after the fact: an organiser may enter an activity that took place, with its real times.
    const activity = must(
      `activity ${plan.title}`,
      await createActivity(trx, organiserContext, {
        organisationId: shiqiCentre.id,
        campaignCode: plan.campaign,
        title: `${plan.title}（示例）`,
        description: "演示数据 (demo data)",
        category: plan.category,
        place: "石岐区孙文西路步行街",
        townCode: "shiqi",
        startsAt: at(-plan.daysAgo, plan.from),
        endsAt: at(-plan.daysAgo, plan.to),
        capacity: plan.volunteers + 2,
      }),
    );
    const people = volunteers.slice(index * 5, index * 5 + plan.volunteers).map((row) => row.id);
    if (resident.personId) people.unshift(resident.personId);
    for (const personId of people) {
      const signupId = await seedSignup(trx, activity.id, personId, "confirmed");
      must("check-in", await checkIn(trx, organiserContext, signupId, at(-plan.daysAgo, plan.from)));
      must("check-out", await checkOut(trx, organiserContext, signupId, at(-plan.daysAgo, plan.to)));
      if (plan.confirm) {
        const entry = must("hours", await confirmHours(trx, organiserContext, signupId, undefined));
        if (index === 1 && personId !== resident.personId) firstEntry ??= entry.id;
      }
    }
  }
  if (firstEntry)
    must(
      "reversal",
      await reverseEntry(trx, organiserContext, firstEntry, {
        hours: "0.5",
        reason: "签退时间登记有误，提前半小时离开 (check-out recorded late; left half an hour early)",
      }),
    );

  const upcoming = [
    { title: "公益助老探访", campaign: "gongyi", category: "general" as const, days: 5, capacity: 3, take: 4 },
    { title: "平安巡逻", campaign: "zhian", category: "safety_publicity" as const, days: 7, capacity: 10, take: 3 },
  ];
  for (const [index, plan] of upcoming.entries()) {
    const activity = must(
      `activity ${plan.title}`,
      await createActivity(trx, organiserContext, {
        organisationId: shiqiCentre.id,
        campaignCode: plan.campaign,
        title: `${plan.title}（示例）`,
        category: plan.category,
        place: "石岐区民生路社区服务中心",
        townCode: "shiqi",
        startsAt: at(plan.days, "09:00"),
        endsAt: at(plan.days, "11:30"),
        capacity: plan.capacity,
      }),
    );
    for (const [position, volunteer] of volunteers.slice(20 + index * 5, 20 + index * 5 + plan.take).entries())
      await seedSignup(trx, activity.id, volunteer.id, position < plan.capacity ? "confirmed" : "waiting");
    if (resident.personId) must("resident sign-up", await signUp(trx, residentContext, activity.id));
  }
  // An activity of another organisation (the demo organiser does not organise it).
  const other = await db
    .insertInto("volunteer_activities")
    .values({
      organisation_id: xiaolanAssociation.id,
      campaign_id: (await findCampaignByCode(trx, "chuangwen"))?.id ?? null,
      title: "邻里清洁日（示例）",
      description: "演示数据 (demo data)",
      category: "general",
      place: "小榄镇升平路",
      town_code: "xiaolan",
      starts_at: at(6, "08:30"),
      ends_at: at(6, "11:00"),
      capacity: 5,
      created_by: admin?.id ?? organiser.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const volunteer of volunteers.slice(32, 35)) await seedSignup(trx, other.id, volunteer.id, "confirmed");

  if (admin && resident.personId) {
    const person = await trx
      .selectFrom("persons")
      .select(["name", "id_number"])
      .where("id", "=", resident.personId)
      .executeTakeFirstOrThrow();
    must(
      "import",
      await importOutsideHours(
        trx,
        { actor: admin, requestId: null },
        {
          fileName: "广东省志愿服务平台导出（示例）.xlsx",
          xlsxBase64: await outsideHoursXlsx(person),
        },
      ),
    );
  }
}

/** The module's demo seeds. */
export async function seedParticipation(trx: Trx, _options: SeedOptions): Promise<void> {
  await seedCampaigns(trx);
  await seedVolunteering(trx);
}
