/**
 * Demo data of the assistance module (loaded by `gongzhi demo` through the manifest): a price-department
 * account, four months of CPI figures labelled synthetic, cases in several 镇区 at every state of the
 * procedure, built from registry households through the registry's queries and this module's own commands,
 * and last month's payroll, approved.
 */
import type { Trx } from "../../db/transaction";
import { createAccount } from "../../platform/accounts/accounts.commands";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { SeedOptions } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { findHousehold, searchHouseholds } from "../registry/repository";
import { decideCase } from "./commands/case.decide";
import { recordAppraisal, recordInvestigation, recordTownOpinion, startPublicity } from "./commands/case.process";
import { submitCase } from "./commands/case.submit";
import { recordCpi } from "./commands/cpi.record";
import { approvePayroll, runPayroll } from "./commands/payroll.run";
import type { CommandContext } from "./commands/context";
import { priceDepartment } from "./policies";
import type { CaseRecord } from "./repository";
import { cpiMonths, monthStart, planCase, type SeedTarget } from "./seeds.plan";
import { addWorkingDays } from "../../core/calendar";
import { fileAppeal } from "./commands/case.decide";
import { stopCase } from "./commands/case.change";
import { withdrawCase } from "./commands/case.process";
import { assistanceDb } from "./tables";
import { clock } from "../../core/clock";

/**
 * One demo case: the state its procedure reaches, for a paid case the number of months it has been paid (a year
 * of payrolls pays the oldest twelve times), and what happened after (withdrawn before the decision, an appeal
 * against a refusal, payment stopped from this month).
 */
interface CaseTarget {
  target: SeedTarget;
  paidMonths?: number;
  then?: "withdraw" | "appeal" | "stop";
}

const active = (paidMonths: number, then?: CaseTarget["then"]): CaseTarget => ({ target: "active", paidMonths, then });
const at = (target: SeedTarget, then?: CaseTarget["then"]): CaseTarget => ({ target, then });

/** The demo's cases per 镇区: every state of the procedure, paid cases of every age up to a year. */
const plan: { town: string; targets: CaseTarget[] }[] = [
  {
    town: "shiqi",
    targets: [
      at("submitted"),
      at("investigated"),
      at("publicised"),
      active(1),
      active(12),
      active(6),
      at("refused", "appeal"),
      active(9, "stop"),
    ],
  },
  {
    town: "xiaolan",
    targets: [
      at("appraised"),
      active(1),
      at("refused"),
      active(12),
      active(4),
      at("submitted", "withdraw"),
      at("town_reviewed"),
    ],
  },
  { town: "dongqu", targets: [at("town_reviewed"), active(1), active(12), at("investigated"), active(7)] },
  { town: "huoju", targets: [active(1), at("submitted"), active(12), at("publicised"), active(3)] },
  { town: "guzhen", targets: [active(12), active(5), at("appraised"), at("refused")] },
  { town: "tanzhou", targets: [active(10), at("submitted"), active(2), at("investigated", "withdraw")] },
  { town: "sanxiang", targets: [active(12), active(8), at("town_reviewed")] },
];

/** The months of the demo's payrolls: the twelve months before today's, oldest first. */
export function payrollMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, index) => monthStart(today, index - 12).slice(0, 7));
}

function fail(step: string, result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(`assistance demo seed, step "${step}" on ${clock.today()}: ${result.error?.message}`);
}

async function seedCase(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  householdId: string,
  { target, paidMonths, then }: CaseTarget,
  index: number,
): Promise<void> {
  const dates = planCase(clock.today(), target, paidMonths);
  const household = (await findHousehold(trx, householdId))!;
  const submitted = await submitCase(
    trx,
    context,
    household,
    {
      householdId,
      workCapacity: index % 3 === 0 ? "able" : index % 3 === 1 ? "partial" : "none",
      assetsYuan: String(1000 + index * 250),
      bankAccount: `62220200${String(index).padStart(10, "0")}`,
      members: household.members.map((member, position) => ({
        personId: member.personId,
        // A household the bureau refuses earns above the standard, as the refusal's reason says (its 核算结果 agrees).
        monthlyIncomeYuan: position === 0 ? String(target === "refused" ? 6000 : 200 + index * 35) : "0",
        categories: position === 1 && index % 2 === 0 ? ["serious_illness"] : [],
      })),
      submittedOn: dates.submittedOn,
    },
    "counter",
  );
  fail("submit", submitted);
  let record = (submitted as { value: CaseRecord }).value;
  // Withdrawn by the household today, after the step it reached.
  const withdraw = async () => {
    if (then !== "withdraw") return;
    await step("withdraw", () => withdrawCase(trx, context, record, "申请人家庭收入增加，主动撤回申请（示例）"));
  };
  const step = async (
    name: string,
    run: () => Promise<{ ok: boolean; error?: { message: string }; value?: CaseRecord }>,
  ) => {
    const result = await run();
    fail(name, result);
    record = result.value!;
  };
  if (target === "submitted") return withdraw();
  await step("investigate", () =>
    recordInvestigation(trx, context, record, {
      homeVisit: {
        by: "社区工作人员（示例）",
        on: dates.visitedOn,
        findings: "入户核查：住房简陋，家庭收入来源单一（示例）",
      },
      neighbourVisits: [{ by: "社区工作人员（示例）", on: dates.visitedOn, findings: "邻里走访：情况属实（示例）" }],
      dataChecks: [
        {
          source: "社保、车辆、房产、存款信息比对（示例）",
          on: dates.checkedOn,
          findings: "未发现车辆及第二套住房（示例）",
        },
      ],
    }),
  );
  if (target === "investigated") return withdraw();
  await step("appraise", () =>
    recordAppraisal(trx, context, record, {
      heldOn: dates.appraisedOn,
      members: 9,
      present: 7,
      agree: 6,
      minutes: "民主评议会议记录（示例）",
    }),
  );
  if (target === "appraised") return;
  await step("town opinion", () =>
    recordTownOpinion(trx, context, record, {
      givenOn: dates.opinionOn,
      recommend: true,
      opinion: "经审核，同意上报（示例）",
    }),
  );
  if (target === "town_reviewed") return;
  await step("publicity", () => startPublicity(trx, context, actor, record, { startOn: dates.publicityStartOn }));
  if (target === "publicised") return;
  await step("decision", () =>
    decideCase(trx, context, actor, record, {
      version: record.version,
      decision: target === "active" ? "approved" : "refused",
      decidedOn: dates.decidedOn,
      reason: target === "refused" ? "家庭人均收入高于当地低保标准（示例）" : undefined,
    }),
  );
  if (then === "appeal") {
    await step("appeal", () =>
      fileAppeal(trx, context, record, {
        filedOn: addWorkingDays(dates.decidedOn, 3),
        reason: "家庭成员患病，医疗支出大，请求复核收入认定（示例）",
      }),
    );
  }
  if (then === "stop") {
    await step("stop", () =>
      stopCase(trx, context, record, {
        version: record.version,
        fromMonth: clock.today().slice(0, 7),
        reason: "家庭成员已稳定就业，人均收入高于低保标准（示例）",
      }),
    );
  }
}

/**
 * `resident.dibao`: a resident account linked to the head of the 石岐区 household paid longest, so a resident can
 * see a case with its year of payments (docs/demo-accounts.md).
 */
async function linkDibaoResident(trx: Trx): Promise<void> {
  const oldest = await assistanceDb(trx)
    .selectFrom("assistance_cases")
    .select("household_id")
    .where("town_code", "=", "shiqi")
    .where("state", "=", "active")
    .orderBy("decided_on")
    .orderBy("id")
    .executeTakeFirst();
  if (!oldest) return;
  const household = await findHousehold(trx, oldest.household_id);
  const head = household?.members.find((member) => member.relationship === "head") ?? household?.members[0];
  if (!head) return;
  const linked = await createAccount(
    trx,
    { actor: null, requestId: null },
    {
      username: "resident.dibao",
      displayName: "居民（低保示例）",
      password: "Gongzhi-2026!",
      roles: [{ role: "resident" }],
      personId: head.personId,
    },
  );
  if (!linked.ok) throw new Error(`assistance demo seed, resident.dibao: ${linked.error.message}`);
}

/** Loads the module's demo data inside the demo transaction. */
export async function seedAssistance(trx: Trx, options: SeedOptions): Promise<void> {
  const created = await createAccount(
    trx,
    { actor: null, requestId: null },
    {
      username: "price.officer",
      displayName: "市发展和改革局价格科（示例）",
      password: "Gongzhi-2026!",
      roles: [{ role: "verifier", departmentCode: priceDepartment }],
      personId: null,
    },
  );
  if (!created.ok) throw new Error(`assistance demo seed, price officer: ${created.error.message}`);
  const admin = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "programme.admin")
    .executeTakeFirst();
  const actor = (await loadActor(trx, admin?.id ?? created.value.id))!;
  const context: CommandContext = { actor, requestId: null };
  let index = 0;
  const total = plan.reduce((sum, town) => sum + town.targets.length, 0);
  for (const town of plan) {
    const found = await searchHouseholds(trx, {
      q: "",
      scope: { kind: "towns", towns: [town.town] },
      page: 1,
      pageSize: 40,
    });
    const candidates = found.items.filter((item) => item.memberCount >= 1 && item.memberCount <= 5);
    for (const [position, target] of town.targets.entries()) {
      const household = candidates[position];
      if (!household) continue;
      await seedCase(trx, context, actor, household.id, target, (index += 1));
      options.onProgress?.(index, total, "assistance");
    }
  }
  await linkDibaoResident(trx);
  const priceOfficer = (await loadActor(trx, created.value.id))!;
  const figures: [string, string][] = [
    ["2.1", "3.0"],
    ["2.6", "4.4"],
    ["3.1", "5.2"],
    ["3.7", "6.3"],
  ];
  for (const [index, { month, releasedOn }] of cpiMonths(clock.today()).entries()) {
    const [cpi, food] = figures[index];
    const recorded = await recordCpi(trx, { actor: priceOfficer, requestId: null }, month, {
      cpiPercent: cpi,
      foodPercent: food,
      releasedOn,
      synthetic: true,
    });
    fail("cpi", recorded);
  }
  // A year of payrolls, oldest first (a later month blocks an earlier one), each approved.
  for (const month of payrollMonths(clock.today())) {
    const run = await runPayroll(trx, context, month);
    fail(`payroll ${month}`, run);
    const payroll = await assistanceDb(trx)
      .selectFrom("assistance_payrolls")
      .select("version")
      .where("month", "=", month)
      .executeTakeFirstOrThrow();
    fail(`payroll approval ${month}`, await approvePayroll(trx, context, month, payroll.version));
  }
}
