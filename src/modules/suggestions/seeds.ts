/**
 * Demo ideas (金点子), planned from today: one a single support short of the threshold (owned by the public-security
 * bureau, so `verifier.publicsecurity` answers it once the demo resident gives the last support), one adopted
 * with progress notes, one not adopted with its reason, and one the demo resident proposed.
 */
import { addWorkingDays } from "../../core/calendar";
import { addDays } from "../../core/dates";
import { today } from "../../core/clock";
import type { Trx } from "../../db/transaction";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { SeedOptions } from "../../platform/module";
import { findCampaignByCode } from "../participation/repository";
import { proposeSuggestion } from "./commands";
import { suggestionSettings } from "./repository";
import { suggestionsDb } from "./tables";

interface Plan {
  reference: string;
  title: string;
  body: string;
  campaign: string;
  town: string;
  department: string;
  supports: "one_short" | number;
  daysAgo: number;
  answer?: { outcome: "adopted" | "not_adopted"; text: string; progress?: string[] };
}

const plans: Plan[] = [
  {
    reference: "JZ-DEMO-00001",
    title: "在岐江河沿岸步道增设夜间巡逻点和一键报警柱",
    body: "岐江河沿岸步道晚上散步的人很多，但部分路段照明不足、巡逻较少。建议在人流较大的路段设置夜间巡逻点，并安装一键报警柱，与派出所联网。",
    campaign: "zhian",
    town: "shiqi",
    department: "public_security",
    supports: "one_short",
    daysAgo: 20,
  },
  {
    reference: "JZ-DEMO-00002",
    title: "社区禁毒宣传进校园、进家长群",
    body: "建议各社区禁毒志愿者每学期进校园开展一次宣传，并把禁毒知识做成短视频发到家长微信群。",
    campaign: "jindu",
    town: "xiaolan",
    department: "public_security",
    supports: 130,
    daysAgo: 90,
    answer: {
      outcome: "adopted",
      text: "采纳。市禁毒办已将“禁毒宣传进校园”纳入年度工作计划，由各镇区禁毒志愿服务队实施。",
      progress: ["已在小榄镇 12 所中小学开展首轮宣传。", "已制作 6 条禁毒短视频，推送至各校家长群。"],
    },
  },
  {
    reference: "JZ-DEMO-00003",
    title: "把所有公园改为 24 小时开放",
    body: "建议所有公园全天开放，方便上夜班的市民锻炼。",
    campaign: "xiushen",
    town: "dongqu",
    department: "civilisation_office",
    supports: 104,
    daysAgo: 60,
    answer: {
      outcome: "not_adopted",
      text: "暂不采纳。部分公园位于山林或水域旁，夜间开放存在安全隐患且需增加大量管理人员；我们将在条件成熟的城区公园试点延长开放时间至 23 点。",
    },
  },
];

export async function seedSuggestions(trx: Trx, _options: SeedOptions): Promise<void> {
  const db = suggestionsDb(trx);
  if (await db.selectFrom("suggestions").select("id").limit(1).executeTakeFirst()) return;
  const resident = await trx
    .selectFrom("accounts")
    .select(["id", "person_id"])
    .where("username", "=", "resident")
    .executeTakeFirst();
  const officer = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "verifier.publicsecurity")
    .executeTakeFirst();
  const admin = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "programme.admin")
    .executeTakeFirst();
  if (!resident?.person_id || !officer || !admin) return;
  const settings = await suggestionSettings(trx);
  const persons = await trx
    .selectFrom("persons")
    .select(["id"])
    .where("id", "!=", resident.person_id)
    .orderBy("id")
    .limit(settings.supportThreshold + 200)
    .execute();
  if (persons.length < settings.supportThreshold + 50) return;
  const day = today();
  for (const [index, plan] of plans.entries()) {
    const campaign = await findCampaignByCode(trx, plan.campaign);
    const submittedOn = addDays(day, -plan.daysAgo);
    const proposer = persons[persons.length - 1 - index];
    const supportCount = plan.supports === "one_short" ? settings.supportThreshold - 1 : plan.supports;
    const reached = supportCount >= settings.supportThreshold;
    const reachedOn = reached ? addDays(submittedOn, 10) : null;
    const answeredOn = plan.answer && reachedOn ? addDays(reachedOn, 7) : null;
    const inserted = await db
      .insertInto("suggestions")
      .values({
        reference: plan.reference,
        title: plan.title,
        body: plan.body,
        campaign_id: campaign?.id ?? null,
        town_code: plan.town,
        department_code: plan.department,
        proposer_account_id: null,
        proposer_person_id: proposer.id,
        state: plan.answer ? (plan.answer.progress ? "adopted" : plan.answer.outcome) : "submitted",
        support_count: supportCount,
        support_threshold: settings.supportThreshold,
        answer_working_days: settings.answerWorkingDays,
        submitted_on: submittedOn,
        threshold_reached_on: reachedOn,
        answer_due_on: reachedOn ? addWorkingDays(reachedOn, settings.answerWorkingDays) : null,
        answer: plan.answer?.text ?? null,
        answered_on: answeredOn,
        answered_by: plan.answer ? officer.id : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("suggestion_supports")
      .values(
        persons.slice(0, supportCount).map((person) => ({
          suggestion_id: inserted.id,
          town_code: plan.town,
          person_id: person.id,
          account_id: null,
        })),
      )
      .execute();
    for (const text of plan.answer?.progress ?? [])
      await db
        .insertInto("suggestion_progress")
        .values({ suggestion_id: inserted.id, text, author_account_id: officer.id })
        .execute();
  }
  const residentActor = await loadActor(trx, resident.id);
  if (residentActor)
    await proposeSuggestion(
      trx,
      { actor: residentActor, requestId: null },
      {
        title: "在社区服务中心设置积分政策咨询角",
        body: "很多来中山工作的朋友不了解积分入学、入户的规定，建议在社区服务中心设置咨询角，每周固定时间由工作人员解答。",
        townCode: "shiqi",
        campaignCode: "gongyi",
        departmentCode: null,
      },
    );
}
