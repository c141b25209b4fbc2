/**
 * Demo data of the services module, planned from today so it works on every day of the year: three qualified
 * vendors (qualified 120 days ago; the demo `vendor` account's qualification ends in 20 days, so its expiry warning shows), one need open
 * for bids, one whose bids opened yesterday with two of three panel reviewers done (the demo `reviewer` can
 * declare and score, `programme.admin` can award), and one awarded and published for objections.
 */
import { clock, withClock } from "../../core/clock";
import { addDays } from "../../core/dates";
import type { Trx } from "../../db/transaction";
import { demoPassword } from "../../demo/accounts";
import { createAccount } from "../../platform/accounts/accounts.commands";
import { loadActor } from "../../platform/accounts/accounts.repository";
import { storeFile } from "../../platform/files/files.commands";
import type { SeedOptions } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { requirementCodes } from "./catalogue";
import { publishNeed, submitBid } from "./commands/needs";
import { awardNeed, declarePanel, scoreBid } from "./commands/panel";
import {
  answerSurvey,
  decideRecommendation,
  openSurvey,
  recommend,
  reviewProgress,
  signContract,
  submitProgress,
} from "./commands/contracts";
import { findContract } from "./contracts.repository";
import { saveStation } from "./stations";
import { attachVendorDocument, checkVendorRequirement, grantQualification, registerVendor } from "./commands/vendors";
import { findNeed, findVendorOfAccount, type NeedRecord } from "./repository";
import { servicesDb } from "./tables";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`services demo seed, ${what}: ${result.error.message}`);
  return result.value;
}

async function account(trx: Trx, username: string, displayName: string, role: "vendor" | "reviewer"): Promise<Actor> {
  const existing = await trx.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirst();
  const id =
    existing?.id ??
    must(
      await createAccount(
        trx,
        { actor: null, username: "demo", requestId: null },
        { username, displayName, password: demoPassword, roles: [{ role }] },
      ),
      username,
    ).id;
  return (await loadActor(trx, id))!;
}

const context = (actor: Actor) => ({ actor, requestId: null });

async function qualifiedVendor(
  trx: Trx,
  vendorActor: Actor,
  reviewer: Actor,
  input: { name: string; creditCode: string; townCode: string; until: string },
) {
  const found = await findVendorOfAccount(trx, vendorActor.id);
  if (found) return found;
  let vendor = must(
    await registerVendor(trx, context(vendorActor), {
      ...input,
      legalRepresentative: "陈立",
      // A demo account number (16 digits) derived from the credit code.
      bankAccount: `4400${input.creditCode.replace(/\D/g, "").padEnd(12, "0").slice(0, 12)}`,
    }),
    input.name,
  );
  for (const requirement of requirementCodes) {
    const file = must(
      await storeFile(trx, context(vendorActor), { name: `${requirement}.pdf`, bytes: PDF }),
      `${input.name} ${requirement}`,
    );
    vendor = must(
      await attachVendorDocument(trx, context(vendorActor), vendor, { requirement, fileId: file.id }),
      requirement,
    );
    vendor = must(
      await checkVendorRequirement(trx, context(reviewer), vendor, { requirement, passed: true, note: "材料齐全" }),
      requirement,
    );
  }
  return must(
    await grantQualification(trx, context(reviewer), vendor, {
      categories: ["social_work", "elderly_care", "community"],
      until: input.until,
    }),
    `${input.name} qualification`,
  );
}

/** The module's demo seeds. */
export async function seedServices(trx: Trx, _options: SeedOptions): Promise<void> {
  if ((await servicesDb(trx).selectFrom("services_needs").select("id").limit(1).execute()).length > 0) return;
  const today = clock.today();
  const admin = (await loadActor(
    trx,
    (await trx.selectFrom("accounts").select("id").where("username", "=", "programme.admin").executeTakeFirstOrThrow())
      .id,
  ))!;
  const reviewer = await account(trx, "reviewer", "评审专家（示例）", "reviewer");
  const reviewers = [
    await account(trx, "reviewer.li", "评审专家李", "reviewer"),
    await account(trx, "reviewer.wang", "评审专家王", "reviewer"),
    await account(trx, "reviewer.zhao", "评审专家赵", "reviewer"),
  ];
  const vendorActors = [
    await account(trx, "vendor", "社会组织（示例）", "vendor"),
    await account(trx, "vendor.kangning", "康宁社工服务中心", "vendor"),
    await account(trx, "vendor.yile", "颐乐养老服务中心", "vendor"),
  ];
  const start = addDays(today, -120);
  await withClock(start, async () => [
    await qualifiedVendor(trx, vendorActors[0], reviewer, {
      name: "中山市共治社会工作服务中心",
      creditCode: "52442000MJL000001A",
      townCode: "shiqi",
      until: addDays(today, 20),
    }),
    await qualifiedVendor(trx, vendorActors[1], reviewer, {
      name: "中山市康宁社会工作服务中心",
      creditCode: "52442000MJL000002B",
      townCode: "xiaolan",
      until: addDays(today, 400),
    }),
    await qualifiedVendor(trx, vendorActors[2], reviewer, {
      name: "中山市颐乐养老服务中心",
      creditCode: "52442000MJL000003C",
      townCode: "guzhen",
      until: addDays(today, 400),
    }),
  ]);
  const need = async (title: string, townCode: string, budgetYuan: number, bidsCloseOn: string) =>
    must(
      await publishNeed(trx, context(admin), {
        departmentCode: "civil_affairs",
        title,
        description: `${title}：为辖区困难群众、独居老人提供个案、小组和社区服务。`,
        townCode,
        budgetYuan,
        periodStart: addDays(today, 30),
        periodEnd: addDays(today, 395),
        requiredQualifications: ["social_work"],
        indicators: [
          { name: "服务对象人数", target: "≥ 300 人" },
          { name: "个案服务", target: "≥ 60 个" },
          { name: "服务对象满意度", target: "≥ 70%" },
        ],
        bidsCloseOn,
      }),
      title,
    );
  // Open for bids until 10 days from today.
  await withClock(today, () => need("石岐区社区社会工作服务项目", "shiqi", 480000, addDays(today, 10)));
  // Bids closed yesterday: opened today; two of three seeded reviewers have scored.
  const opened = await withClock(addDays(today, -20), async () => {
    const created = await need("小榄镇长者关爱服务项目", "xiaolan", 360000, addDays(today, -1));
    await bidAll(trx, created, vendorActors, [338000, 352000, 299000]);
    return created;
  });
  await scoreAll(trx, opened, reviewers.slice(0, 2));
  // Awarded: closed 10 days ago, scored by three reviewers, published for objections from today.
  const awarded = await withClock(addDays(today, -30), async () => {
    const created = await need("古镇镇社会救助服务项目", "guzhen", 250000, addDays(today, -10));
    await bidAll(trx, created, vendorActors, [238000, 246500, 212000]);
    return created;
  });
  await scoreAll(trx, awarded, reviewers);
  must(await awardNeed(trx, context(admin), (await findNeed(trx, awarded.id))!, {}), "award");
  await seedContract(trx, admin, vendorActors, today);
}

/**
 * A contract under way, planned from today: signed 60 days ago for a need awarded then, one milestone done, a
 * progress report waiting for review, an assistance recommendation waiting for the 镇区 and two forwarded to the
 * assistance desks as referrals, the survey open with answers. Its need is separate from the three above so the award screens keep their own examples.
 */
async function seedContract(trx: Trx, admin: Actor, vendorActors: Actor[], today: string): Promise<void> {
  const signedOn = addDays(today, -60);
  const need = await withClock(addDays(today, -90), () =>
    publishNeed(trx, context(admin), {
      departmentCode: "civil_affairs",
      title: "石岐区困难家庭社工帮扶项目",
      description: "为石岐区困难家庭提供个案帮扶、资源链接和救助转介。",
      townCode: "shiqi",
      budgetYuan: 300000,
      periodStart: addDays(today, -60),
      periodEnd: addDays(today, 300),
      requiredQualifications: ["social_work"],
      indicators: [
        { name: "服务家庭数", target: "≥ 120 户" },
        { name: "个案结案率", target: "≥ 80%" },
      ],
      bidsCloseOn: addDays(today, -75),
    }),
  );
  const created = must(need, "contract need");
  await withClock(addDays(today, -80), () => bidAll(trx, created, vendorActors, [288000, 276000, 295000]));
  await withClock(addDays(today, -70), async () => {
    await scoreAll(trx, created, await panelOf(trx));
    must(await awardNeed(trx, context(admin), (await findNeed(trx, created.id))!, {}), "contract award");
  });
  const contract = await withClock(signedOn, async () =>
    must(
      await signContract(trx, context(admin), (await findNeed(trx, created.id))!, {
        signedOn,
        milestones: [
          { title: "入户摸底和需求评估", dueOn: addDays(today, -30) },
          { title: "中期评估", dueOn: addDays(today, 120) },
          { title: "结项", dueOn: addDays(today, 300) },
        ],
      }),
      "contract",
    ),
  );
  const winner = vendorActors.find((actor) => actor.id === contract.vendorAccountId)!;
  await withClock(addDays(today, -28), async () => {
    const report = must(
      await submitProgress(trx, context(winner), contract, {
        milestoneSeq: 1,
        summary: "完成 126 户困难家庭入户摸底，建立个案档案 64 份。",
      }),
      "report 1",
    );
    must(
      await reviewProgress(trx, context(admin), contract, { reportId: report.id, accepted: true, note: "符合要求" }),
      "review 1",
    );
  });
  await withClock(addDays(today, -3), async () => {
    must(
      await submitProgress(trx, context(winner), (await findContract(trx, contract.id))!, {
        summary: "开展小组活动 6 次、社区活动 2 次；链接慈善资源 3 项。",
      }),
      "report 2",
    );
    must(
      await recommend(trx, context(winner), contract, {
        kind: "assistance",
        subjectName: "李某某家庭（示例）",
        townCode: "shiqi",
        reason: "户主患重病失去劳动能力，家庭收入低于低保标准，建议纳入最低生活保障。",
      }),
      "recommendation",
    );
    // Two more, approved by the department and so forwarded to the assistance desks of 石岐区 and 小榄镇 as
    // pending referrals (转介) to accept or decline.
    for (const [townCode, subjectName, reason] of [
      ["shiqi", "陈某某家庭（示例）", "单亲母亲失业，两名子女在读，家庭收入低于低保标准，建议纳入最低生活保障。"],
      ["xiaolan", "梁某某家庭（示例）", "户主重度残疾，配偶照护无法就业，建议评估纳入最低生活保障。"],
    ] as const) {
      const recommendation = must(
        await recommend(trx, context(winner), contract, { kind: "assistance", subjectName, townCode, reason }),
        "recommendation to forward",
      );
      must(
        await decideRecommendation(trx, context(admin), recommendation, { approved: true, note: "转民政受理" }),
        "forwarded recommendation",
      );
    }
  });
  const survey = await withClock(addDays(today, -10), async () =>
    must(await openSurvey(trx, context(admin), contract, { closesOn: addDays(today, 30) }), "survey"),
  );
  for (const [townCode, name, staff, socialWorkers] of [
    ["shiqi", "石岐区社工站", 12, 8],
    ["xiaolan", "小榄镇社工站", 9, 6],
    ["guzhen", "古镇镇社工站", 7, 4],
  ] as const)
    must(
      await saveStation(trx, context(admin), townCode, {
        name,
        address: `${name}（示例地址）`,
        staff,
        socialWorkers,
        services: ["个案帮扶", "长者关爱", "青少年成长", "社区融合"],
        supervisionContractId: townCode === "shiqi" ? contract.id : null,
        openedOn: addDays(today, -365),
      }),
      name,
    );
  const answers = [5, 4, 4, 3, 5, 2, 4, 5];
  for (const [index, value] of answers.entries())
    must(
      await answerSurvey(trx, { actor: null, requestId: null, username: "demo" }, survey, {
        phone: `1390000${String(index).padStart(4, "0")}`,
        answers: Object.fromEntries(survey.questions.map((question) => [question.id, value])),
      }),
      "survey answer",
    );
}

/** The three seeded panel reviewers. */
async function panelOf(trx: Trx): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (const username of ["reviewer.li", "reviewer.wang", "reviewer.zhao"]) {
    const row = await trx
      .selectFrom("accounts")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    actors.push((await loadActor(trx, row.id))!);
  }
  return actors;
}

async function bidAll(trx: Trx, need: NeedRecord, vendorActors: Actor[], prices: number[]): Promise<void> {
  for (const [index, vendorActor] of vendorActors.entries()) {
    must(
      await submitBid(trx, context(vendorActor), need, await findVendorOfAccount(trx, vendorActor.id), {
        priceYuan: prices[index],
        plan: "驻点社工 4 名；个案、小组、社区活动按季度推进；每月督导一次。",
        team: "中级社工师 1 名、助理社工师 3 名",
      }),
      `bid ${index}`,
    );
  }
}

async function scoreAll(trx: Trx, need: NeedRecord, reviewers: Actor[]): Promise<void> {
  const bids = await servicesDb(trx)
    .selectFrom("services_bids")
    .select("id")
    .where("need_id", "=", need.id)
    .orderBy("price_fen")
    .execute();
  for (const [r, reviewer] of reviewers.entries()) {
    must(await declarePanel(trx, context(reviewer), need, { conflicts: [] }), "declaration");
    for (const [b, bid] of bids.entries()) {
      must(
        await scoreBid(trx, context(reviewer), need, {
          bidId: bid.id,
          plan: 70 + 5 * ((b + r) % 4),
          staff: 75 + 4 * ((b + 2 * r) % 3),
          past: 80 - 3 * b,
        }),
        "score",
      );
    }
  }
}
