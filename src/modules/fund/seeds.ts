/**
 * Demo data of the fund module, planned from today: last year's call allocated (four applications scored by three
 * reviewers, one recused; the start payments made, one final report waiting for review) and this year's call open
 * for 20 more days with one application from the demo `vendor` account.
 */
import { clock, withClock } from "../../core/clock";
import { addDays } from "../../core/dates";
import type { Trx } from "../../db/transaction";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { SeedOptions } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import {
  allocateCall,
  assignReviewers,
  declareConflict,
  openCall,
  recordPayment,
  scoreApplication,
  submitApplication,
  submitReport,
} from "./commands";
import { findApplication, findCall } from "./repository";
import { fundDb } from "./tables";

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`fund demo seed, ${what}: ${result.error.message}`);
  return result.value;
}

async function actorNamed(trx: Trx, username: string): Promise<Actor | undefined> {
  const row = await trx.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirst();
  return row ? ((await loadActor(trx, row.id)) ?? undefined) : undefined;
}

const context = (actor: Actor) => ({ actor, requestId: null });

const projects = [
  {
    username: "vendor.kangning",
    name: "中山市康宁社会工作服务中心",
    title: "“邻里守望”独居长者互助网络",
    yuan: 380000,
  },
  { username: "vendor.yile", name: "中山市颐乐养老服务中心", title: "社区长者智慧助餐试点", yuan: 520000 },
  { username: "clerk.xiaolan", name: "小榄镇社会事务局", title: "新市民融入“共治议事厅”", yuan: 260000 },
  { username: "vendor", name: "中山市共治社会工作服务中心", title: "青少年禁毒宣传朋辈计划", yuan: 300000 },
];

export async function seedFund(trx: Trx, _options: SeedOptions): Promise<void> {
  if ((await fundDb(trx).selectFrom("fund_calls").select("id").limit(1).execute()).length > 0) return;
  const today = clock.today();
  const admin = (await actorNamed(trx, "programme.admin"))!;
  const reviewers = (
    await Promise.all(
      ["reviewer.li", "reviewer.wang", "reviewer.zhao", "reviewer"].map((name) => actorNamed(trx, name)),
    )
  ).filter((actor): actor is Actor => actor !== undefined);
  const applicants = await Promise.all(projects.map((project) => actorNamed(trx, project.username)));
  if (reviewers.length === 4 && applicants.every((actor) => actor !== undefined))
    await seedAllocatedCall(trx, admin, reviewers, applicants as Actor[], today);
  const year = Number(today.slice(0, 4));
  const current = must(
    await withClock(today, () =>
      openCall(trx, context(admin), {
        year,
        title: `${year}年度社会管理与创新专项资金`,
        budgetYuan: 8460000,
        partialFunding: false,
        applicationsCloseOn: addDays(today, 20),
        categories: [
          { code: "governance", label: "社会治理创新", budgetYuan: 3000000 },
          { code: "services", label: "社会服务创新" },
          { code: "participation", label: "公众参与" },
        ],
      }),
    ),
    "current call",
  );
  const vendor = await actorNamed(trx, "vendor");
  if (vendor)
    must(
      await submitApplication(trx, context(vendor), current, {
        applicantName: "中山市共治社会工作服务中心",
        applicantType: "organisation",
        townCode: "shiqi",
        category: "services",
        title: "社区困境儿童“护苗”成长支持计划",
        summary: "为石岐区困境儿童提供学业辅导、心理支持和家庭探访。",
        requestedYuan: 280000,
        budgetLines: [
          { item: "社工人员经费", amountYuan: 168000 },
          { item: "活动物资", amountYuan: 62000 },
          { item: "督导与评估", amountYuan: 50000 },
        ],
        payeeName: "中山市共治社会工作服务中心",
        bankAccount: "6222020000000001",
      }),
      "current application",
    );
}

async function seedAllocatedCall(trx: Trx, admin: Actor, reviewers: Actor[], applicants: Actor[], today: string) {
  const opened = addDays(today, -200);
  const closes = addDays(today, -170);
  const year = Number(opened.slice(0, 4));
  const call = must(
    await withClock(opened, () =>
      openCall(trx, context(admin), {
        year,
        title: `${year}年度社会管理与创新专项资金（示例）`,
        budgetYuan: 1000000,
        partialFunding: false,
        applicationsCloseOn: closes,
      }),
    ),
    "past call",
  );
  const ids: string[] = [];
  await withClock(addDays(opened, 5), async () => {
    for (const [index, project] of projects.entries())
      ids.push(
        must(
          await submitApplication(trx, context(applicants[index]), call, {
            applicantName: project.name,
            applicantType: project.username.startsWith("clerk") ? "town" : "organisation",
            townCode: project.username.startsWith("clerk") ? "xiaolan" : null,
            title: project.title,
            requestedYuan: project.yuan,
            budgetLines: [
              { item: "人员经费", amountYuan: Math.round(project.yuan * 0.6) },
              { item: "活动经费", amountYuan: Math.round(project.yuan * 0.4) },
            ],
            payeeName: project.name,
            bankAccount: `62220200000010${index}${index}`,
          }),
          project.title,
        ).id,
      );
  });
  await withClock(addDays(closes, 3), async () => {
    // reviewer.li declares a conflict with the first project and is never assigned to it.
    must(
      await declareConflict(trx, context(reviewers[0]), (await findApplication(trx, ids[0]))!, {
        note: "曾任该机构理事",
      }),
      "conflict",
    );
    for (const [index, id] of ids.entries()) {
      const panel = index === 0 ? reviewers.slice(1) : reviewers.slice(0, 3);
      must(
        await assignReviewers(trx, context(admin), (await findApplication(trx, id))!, {
          reviewerIds: panel.map((each) => each.id),
        }),
        "assign",
      );
      for (const [r, reviewer] of panel.entries())
        must(
          await scoreApplication(trx, context(reviewer), (await findApplication(trx, id))!, {
            scores: {
              innovation: 88 - 6 * index + r,
              need: 85 - 3 * index,
              feasibility: 80 + ((index + r) % 3) * 2,
              budget: 78 + r,
              sustainability: 75 - index,
            },
          }),
          "score",
        );
    }
  });
  await withClock(addDays(closes, 10), async () => {
    must(await allocateCall(trx, context(admin), (await findCall(trx, call.id))!, {}), "allocate");
  });
  await withClock(addDays(closes, 25), async () => {
    for (const id of ids) {
      const application = (await findApplication(trx, id))!;
      if (application.grantedFen > 0)
        must(
          await recordPayment(trx, context(admin), application, { stage: "start", paidOn: addDays(closes, 25) }),
          "start payment",
        );
    }
  });
  const first = (await findApplication(trx, ids[0]))!;
  if (first.grantedFen > 0)
    await withClock(addDays(today, -5), async () => {
      must(
        await submitReport(trx, context(applicants[0]), first, {
          kind: "final",
          summary: "建立 12 个楼栋互助小组，覆盖独居长者 230 人；组织探访 1,840 人次。",
          spentYuan: 360000,
        }),
        "final report",
      );
    });
}
