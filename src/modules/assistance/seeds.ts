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
import { cpiMonths, payrollMonth, planCase, type SeedTarget } from "./seeds.plan";
import { assistanceDb } from "./tables";
import { clock } from "../../core/clock";

const plan: { town: string; targets: SeedTarget[] }[] = [
  { town: "shiqi", targets: ["submitted", "investigated", "publicised", "active", "active"] },
  { town: "xiaolan", targets: ["appraised", "active", "refused"] },
  { town: "dongqu", targets: ["town_reviewed", "active"] },
  { town: "huoju", targets: ["active", "submitted"] },
];

function fail(step: string, result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(`assistance demo seed, step "${step}" on ${clock.today()}: ${result.error?.message}`);
}

async function seedCase(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  householdId: string,
  target: SeedTarget,
  index: number,
): Promise<void> {
  const dates = planCase(clock.today(), target);
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
        monthlyIncomeYuan: position === 0 ? String(200 + index * 35) : "0",
        categories: position === 1 && index % 2 === 0 ? ["serious_illness"] : [],
      })),
      submittedOn: dates.submittedOn,
    },
    "counter",
  );
  fail("submit", submitted);
  let record = (submitted as { value: CaseRecord }).value;
  const step = async (
    name: string,
    run: () => Promise<{ ok: boolean; error?: { message: string }; value?: CaseRecord }>,
  ) => {
    const result = await run();
    fail(name, result);
    record = result.value!;
  };
  if (target === "submitted") return;
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
  if (target === "investigated") return;
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
  const month = payrollMonth(clock.today());
  const run = await runPayroll(trx, context, month);
  fail("payroll", run);
  const payroll = await assistanceDb(trx)
    .selectFrom("assistance_payrolls")
    .select("version")
    .where("month", "=", month)
    .executeTakeFirstOrThrow();
  fail("payroll approval", await approvePayroll(trx, context, month, payroll.version));
}
