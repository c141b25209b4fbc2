/**
 * Demo data of the tip-offs module: the categories (public security, drugs and fire hazards, confidential; street
 * lights, roads and sanitation, public and offered on Open311), the demo Open311 key `demo-open311-key`, and a few
 * tips at every stage with documented demo receipt codes (demo only, like the demo passwords). Dates are today's,
 * so the seed works on every day of the year.
 */
import { generateIdNumber } from "../../core/id-number";
import type { Trx } from "../../db/transaction";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { CommandContext } from "../../platform/commands/context";
import type { Actor } from "../../platform/roles";
import { createCategory } from "./commands/category.commands";
import { issueKey } from "./commands/keys.commands";
import { decideTipoff, grantReward, messageReporter, submitTipoff, takeTipoff } from "./commands/tipoff.commands";
import { receiptHash } from "./receipt";
import { tipoffsDb } from "./tables";

/** The demo Open311 key (documented in docs/open311.md; revoke it outside demos). */
export const demoOpen311Key = "demo-open311-key";

/** Demo receipt codes, one per demo tip. */
export const demoReceiptCodes = {
  submitted: "DEM0-T1P0-0000-0000-0000-0001",
  verified: "DEM0-T1P0-0000-0000-0000-0002",
  investigating: "DEM0-T1P0-0000-0000-0000-0003",
  streetLight: "DEM0-T1P0-0000-0000-0000-0004",
} as const;

/** The demo categories: code, name, department, public (Open311), working days to investigate. */
export const demoCategories = [
  {
    code: "public_security",
    name: "治安线索",
    description: "违法犯罪、治安隐患线索",
    departmentCode: "public_security",
    public: false,
    investigationDays: 15,
  },
  {
    code: "drugs",
    name: "涉毒线索",
    description: "吸毒、贩毒、制毒线索（全民禁毒）",
    departmentCode: "public_security",
    public: false,
    investigationDays: 15,
  },
  {
    code: "fire_hazard",
    name: "火灾隐患",
    description: "消防通道堵塞、违规用火用电、消防设施损坏",
    departmentCode: "fire_services",
    public: false,
    investigationDays: 10,
  },
  {
    code: "street_light",
    name: "路灯故障",
    description: "路灯不亮、常亮或损坏",
    departmentCode: "urban_management",
    public: true,
    investigationDays: 5,
  },
  {
    code: "road",
    name: "道路损坏",
    description: "路面坑洼、井盖缺失、人行道损坏",
    departmentCode: "urban_management",
    public: true,
    investigationDays: 10,
  },
  {
    code: "sanitation",
    name: "环境卫生",
    description: "垃圾未清运、乱倒垃圾、公厕问题",
    departmentCode: "housing_construction",
    public: true,
    investigationDays: 5,
  },
];

function must<T>(step: string, result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`tipoffs demo seed, step "${step}": ${result.error.message}`);
  return result.value;
}

async function setReceipt(trx: Trx, tipoffId: string, code: string): Promise<void> {
  await tipoffsDb(trx)
    .updateTable("tipoffs")
    .set({ receipt_hash: receiptHash(code) })
    .where("id", "=", tipoffId)
    .execute();
}

/** Loads the demo categories, key and tips. */
export async function seedTipoffs(trx: Trx): Promise<void> {
  const system: CommandContext<Actor | null> = { actor: null, username: "demo", requestId: null };
  await trx
    .insertInto("departments")
    .values({ code: "urban_management", name: "市城市管理和综合执法局", clause: "", owns: [] })
    .onConflict((conflict) => conflict.column("code").doNothing())
    .execute();
  for (const category of demoCategories) must(`category ${category.code}`, await createCategory(trx, system, category));
  const key = must("open311 key", await issueKey(trx, system, "演示客户端（仅演示）", demoOpen311Key));

  const officerRow = await trx
    .selectFrom("accounts")
    .select("id")
    .where("username", "=", "verifier.publicsecurity")
    .executeTakeFirst();
  const officer = officerRow ? await loadActor(trx, officerRow.id) : null;

  const anonymous = must(
    "anonymous drug tip",
    await submitTipoff(
      trx,
      null,
      {
        categoryCode: "drugs",
        townCode: "shiqi",
        place: "石岐区某出租屋（示例地址）",
        description: "夜间常有陌生人进出，疑似有人聚集吸毒（示例线索）",
        anonymous: true,
      },
      { kind: "web", account: null },
    ),
  );
  await setReceipt(trx, anonymous.tipoff.id, demoReceiptCodes.submitted);

  const named = must(
    "named public-security tip",
    await submitTipoff(
      trx,
      null,
      {
        categoryCode: "public_security",
        townCode: "xiaolan",
        place: "小榄镇某工业区停车场（示例地址）",
        description: "多次看到有人撬盗电动车电池（示例线索）",
        anonymous: false,
        reporter: { name: "林示例", phone: "13912345678", idNumber: generateIdNumber("442000", "1985-03-12", 17) },
      },
      { kind: "web", account: null },
    ),
  );
  await setReceipt(trx, named.tipoff.id, demoReceiptCodes.verified);

  const fire = must(
    "fire hazard tip",
    await submitTipoff(
      trx,
      null,
      {
        categoryCode: "fire_hazard",
        townCode: "dongqu",
        place: "东区某商场后门消防通道（示例地址）",
        description: "消防通道长期堆放纸箱杂物（示例线索）",
        anonymous: true,
      },
      { kind: "web", account: null },
    ),
  );
  await setReceipt(trx, fire.tipoff.id, demoReceiptCodes.investigating);

  const light = must(
    "street light report",
    await submitTipoff(
      trx,
      null,
      {
        categoryCode: "street_light",
        townCode: "shiqi",
        place: "石岐区孙文西路口（示例地址）",
        description: "路口两盏路灯连续三晚不亮（示例）",
        anonymous: false,
        latitude: 22.5176,
        longitude: 113.3773,
        reporter: { name: "黄示例", email: "demo@example.org" },
      },
      { kind: "open311", keyId: key.key.id, publicOnly: true },
    ),
  );
  await setReceipt(trx, light.tipoff.id, demoReceiptCodes.streetLight);

  if (officer) {
    const context: CommandContext = { actor: officer, requestId: null };
    const taken = must("take", await takeTipoff(trx, context, named.tipoff));
    const decided = must(
      "verify",
      await decideTipoff(trx, context, taken, { verified: true, note: "经核查线索属实，已抓获嫌疑人（示例）" }),
    );
    must(
      "reward",
      await grantReward(trx, context, decided, {
        amountYuan: "500.00",
        note: "请凭回执码于工作日到市公安局举报中心领取（示例）",
      }),
    );
  }
  const fireOfficerRow = await trx
    .selectFrom("account_roles")
    .select("account_id")
    .where("role", "=", "verifier")
    .where("department_code", "=", "fire_services")
    .executeTakeFirst();
  const fireOfficer = fireOfficerRow ? await loadActor(trx, fireOfficerRow.account_id) : null;
  if (fireOfficer) {
    const context: CommandContext = { actor: fireOfficer, requestId: null };
    const taken = must("take fire tip", await takeTipoff(trx, context, fire.tipoff));
    must(
      "message",
      await messageReporter(trx, context, taken, { text: "已派员现场查看，如有照片请补充（示例）", toReporter: true }),
    );
  }
}
