/**
 * Runs a month's payroll once, in the caller's transaction: every payable case computed by the rules engine
 * from the standard in force that month (plus approved standards), the classified supplements and the price
 * subsidy when triggered; back-pay (adjustment lines) for earlier months whose basis changed since they were
 * paid (a standard decided after its effective date, price figures entered late); totals per 镇区. Running
 * a month again returns the payroll already produced; a run that dies leaves nothing (one transaction).
 */
import { sql } from "kysely";
import { clock } from "../../../core/clock";
import { addMonths } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import type { ParameterTree } from "../../../rules/parameters";
import { parametersInForce, policyParameters } from "../parameters";
import { basisOf, computeCase, cpiFor, memoisedCompute, type PayableCase } from "../payroll.compute";
import { loadCpi, loadPaidForMonth, loadPayableCases } from "../payroll.repository";
import { assistanceDb, type AssistancePayrollLinesTable } from "../tables";
import { audit } from "../../../platform/commands/context";
import { type CommandContext } from "./context";

const payrollLockKey = 72_011_320;
const chunkSize = 25_000;

/** Options of a run: another base policy tree (tests of a late decision), a hook before totals (tests of a killed run). */
export interface PayrollRunOptions {
  base?: ParameterTree;
  beforeTotals?: () => Promise<void>;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The outcome: the payroll header and whether this call produced it. */
export interface PayrollRunResult {
  month: string;
  created: boolean;
}

type Line = AssistancePayrollLinesTable;

/** Writes lines with one multi-row insert per chunk (unnest of column arrays). */
export async function insertLines(trx: Trx, lines: readonly Line[]): Promise<void> {
  for (let start = 0; start < lines.length; start += chunkSize) {
    const chunk = lines.slice(start, start + chunkSize);
    const column = <K extends keyof Line>(key: K) => chunk.map((line) => line[key]);
    await sql`
      insert into assistance_payroll_lines (month, case_id, kind, for_month, town_code, revision, members, standard_fen,
        dibao_fen, supplement_fen, price_subsidy_fen, total_fen, payee_name, bank_account)
      select * from unnest(${column("month")}::text[], ${column("case_id")}::uuid[], ${column("kind")}::text[], ${column("for_month")}::text[],
        ${column("town_code")}::text[], ${column("revision")}::int[], ${column("members")}::int[], ${column("standard_fen")}::bigint[],
        ${column("dibao_fen")}::bigint[], ${column("supplement_fen")}::bigint[], ${column("price_subsidy_fen")}::bigint[],
        ${column("total_fen")}::bigint[], ${column("payee_name")}::text[], ${column("bank_account")}::text[])`.execute(
      trx,
    );
  }
}

function line(
  month: string,
  forMonth: string,
  kind: Line["kind"],
  payable: PayableCase,
  standardFen: number,
  amounts: { dibaoFen: number; supplementFen: number; priceSubsidyFen: number; totalFen: number },
): Line {
  return {
    month,
    case_id: payable.caseId,
    kind,
    for_month: forMonth,
    town_code: payable.townCode,
    revision: payable.revision,
    members: payable.members.length,
    standard_fen: standardFen,
    dibao_fen: amounts.dibaoFen,
    supplement_fen: amounts.supplementFen,
    price_subsidy_fen: amounts.priceSubsidyFen,
    total_fen: amounts.totalFen,
    payee_name: payable.payeeName,
    bank_account: payable.bankAccount,
  };
}

/** The latest month a payroll may be run for: next month by the platform clock (a payroll is prepared ahead of payday). */
export function latestPayableMonth(): string {
  return addMonths(`${clock.today().slice(0, 7)}-01`, 1).slice(0, 7);
}

/**
 * Runs (or returns) the payroll of `month`. New payrolls of months after next month are refused (`month_out_of_range`): a
 * payroll of a far month would block every earlier one. Months before the first dibao standard of the policy
 * data are refused by the basis (`no_standard`).
 */
export async function runPayroll(
  trx: Trx,
  context: CommandContext,
  month: string,
  options: PayrollRunOptions = {},
): Promise<Result<PayrollRunResult, Problem>> {
  await sql`select pg_advisory_xact_lock(${payrollLockKey})`.execute(trx);
  const db = assistanceDb(trx);
  if (await db.selectFrom("assistance_payrolls").select("month").where("month", "=", month).executeTakeFirst())
    return ok({ month, created: false });
  const latest = latestPayableMonth();
  if (month > latest)
    return err({
      code: "month_out_of_range",
      message: `发放月份不能晚于 ${latest} (the payroll month must not be after ${latest})`,
      field: "month",
    });
  const later = await db
    .selectFrom("assistance_payrolls")
    .select("month")
    .where("month", ">", month)
    .orderBy("month")
    .executeTakeFirst();
  if (later)
    return err({
      code: "later_payroll_exists",
      message: `${later.month} 的发放表已生成，不能再生成更早月份 (a later month is already paid)`,
      field: "month",
    });
  const parameters = await parametersInForce(trx, options.base ?? policyParameters());
  const cpiAll = await loadCpi(trx);
  const basis = basisOf(month, parameters, cpiAll);
  if (!basis.ok) return basis;

  const cases = await loadPayableCases(trx, month);
  const cpi = cpiFor(month, cpiAll);
  const username = context.actor?.username ?? context.username ?? "system";
  await db
    .insertInto("assistance_payrolls")
    .values({
      month,
      status: "computed",
      basis: JSON.stringify(basis.value),
      households: 0,
      persons: 0,
      lines: 0,
      dibao_fen: 0,
      supplement_fen: 0,
      price_subsidy_fen: 0,
      adjustment_fen: 0,
      total_fen: 0,
      run_by_username: username,
    })
    .execute();
  // Lines are written chunk by chunk while the next chunk is computed: the server inserts as Node computes.
  const totals = {
    households: 0,
    persons: 0,
    lines: 0,
    dibao_fen: 0,
    supplement_fen: 0,
    price_subsidy_fen: 0,
    adjustment_fen: 0,
    total_fen: 0,
  };
  const paidCases = new Set<string>();
  const count = (each: Line) => {
    totals.lines += 1;
    totals.total_fen += each.total_fen;
    paidCases.add(each.case_id);
    if (each.kind === "adjustment") {
      totals.adjustment_fen += each.total_fen;
      return;
    }
    totals.persons += each.members;
    totals.dibao_fen += each.dibao_fen;
    totals.supplement_fen += each.supplement_fen;
    totals.price_subsidy_fen += each.price_subsidy_fen;
  };
  const compute = memoisedCompute(month, parameters, cpi);
  let writing: Promise<void> = Promise.resolve();
  const write = (chunk: Line[]) => {
    writing = writing.then(() => insertLines(trx, chunk));
    writing.catch(() => undefined); // awaited below; this only marks the rejection as handled meanwhile
  };
  for (let start = 0; start < cases.length; start += chunkSize) {
    const chunk: Line[] = [];
    for (const payable of cases.slice(start, start + chunkSize)) {
      const amounts = compute(payable);
      if (!amounts.ok) {
        await writing;
        return amounts;
      }
      if (amounts.value.totalFen > 0)
        chunk.push(line(month, month, "regular", payable, basis.value.standardFen, amounts.value));
    }
    chunk.forEach(count);
    write(chunk);
    options.onProgress?.(Math.min(cases.length, start + chunkSize), cases.length, "compute");
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writing;

  // Back-pay: earlier months whose basis changed since they were paid get the difference as adjustment lines.
  const earlier = await db
    .selectFrom("assistance_payrolls")
    .select(["month", "basis"])
    .where("month", "<", month)
    .orderBy("month")
    .execute();
  const settled: { month: string; basis: string }[] = [];
  const settledBefore: { month: string; basis: unknown }[] = [];
  const adjustments: Line[] = [];
  for (const previous of earlier) {
    const now = basisOf(previous.month, parameters, cpiAll);
    if (!now.ok || JSON.stringify(now.value) === JSON.stringify(previous.basis)) continue;
    const previousCpi = cpiFor(previous.month, cpiAll);
    for (const paid of await loadPaidForMonth(trx, previous.month)) {
      const due = computeCase(paid, previous.month, parameters, previousCpi);
      if (!due.ok) return due;
      const difference = {
        dibaoFen: due.value.dibaoFen - paid.dibaoFen,
        supplementFen: due.value.supplementFen - paid.supplementFen,
        priceSubsidyFen: due.value.priceSubsidyFen - paid.priceSubsidyFen,
        totalFen: due.value.totalFen - paid.totalFen,
      };
      if (difference.totalFen !== 0)
        adjustments.push(line(month, previous.month, "adjustment", paid, now.value.standardFen, difference));
    }
    settled.push({ month: previous.month, basis: JSON.stringify(now.value) });
    settledBefore.push({ month: previous.month, basis: previous.basis });
  }
  adjustments.forEach(count);
  await insertLines(trx, adjustments);
  for (const each of settled)
    await db.updateTable("assistance_payrolls").set({ basis: each.basis }).where("month", "=", each.month).execute();
  totals.households = paidCases.size;
  await db
    .updateTable("assistance_payrolls")
    .set({ ...totals, settled_bases: JSON.stringify(settledBefore) })
    .where("month", "=", month)
    .execute();
  options.onProgress?.(cases.length, cases.length, "write");
  await options.beforeTotals?.();
  await sql`
    insert into assistance_payroll_totals (month, town_code, households, persons, dibao_fen, supplement_fen, price_subsidy_fen, adjustment_fen, total_fen)
    select month, town_code, count(distinct case_id), coalesce(sum(members) filter (where kind = 'regular'), 0),
      coalesce(sum(dibao_fen) filter (where kind = 'regular'), 0), coalesce(sum(supplement_fen) filter (where kind = 'regular'), 0),
      coalesce(sum(price_subsidy_fen) filter (where kind = 'regular'), 0), coalesce(sum(total_fen) filter (where kind = 'adjustment'), 0), sum(total_fen)
    from assistance_payroll_lines where month = ${month} group by month, town_code`.execute(trx);
  await audit(trx, context, {
    action: "assistance.payroll.run",
    entityType: "assistance_payroll",
    entityId: month,
    townCode: null,
    after: { ...totals, basis: basis.value, backPaidMonths: settled.map((each) => each.month) },
  });
  return ok({ month, created: true });
}

/** Approves a computed payroll (version checked); the bank file can be exported only after approval. */
export async function approvePayroll(
  trx: Trx,
  context: CommandContext,
  month: string,
  version: number,
): Promise<Result<null, Problem>> {
  const db = assistanceDb(trx);
  const payroll = await db
    .selectFrom("assistance_payrolls")
    .select(["status", "version", "total_fen"])
    .where("month", "=", month)
    .forUpdate()
    .executeTakeFirst();
  if (!payroll) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (payroll.version !== version)
    return err({
      code: "version_conflict",
      message: "发放表已被他人修改 (the payroll changed since you read it)",
      field: "version",
    });
  if (payroll.status !== "computed")
    return err({ code: "invalid_state", message: "发放表已审核 (already approved)", field: "status" });
  const username = context.actor?.username ?? context.username ?? "system";
  await db
    .updateTable("assistance_payrolls")
    .set({ status: "approved", approved_by_username: username, approved_at: new Date(), version: version + 1 })
    .where("month", "=", month)
    .execute();
  await audit(trx, context, {
    action: "assistance.payroll.approve",
    entityType: "assistance_payroll",
    entityId: month,
    townCode: null,
    before: { status: "computed" },
    after: { status: "approved", totalFen: Number(payroll.total_fen) },
  });
  return ok(null);
}

/**
 * Cancels a payroll that was never approved (version checked): its lines and totals are removed, the bases of
 * earlier months it settled are restored, and the audit entry keeps what it held and why it was cancelled.
 * Only the newest payroll can be cancelled (a later one may have paid back-pay against it); the month can then
 * be run again, and it no longer blocks earlier months.
 */
export async function cancelPayroll(
  trx: Trx,
  context: CommandContext,
  month: string,
  input: { version: number; reason: string },
): Promise<Result<null, Problem>> {
  await sql`select pg_advisory_xact_lock(${payrollLockKey})`.execute(trx);
  const db = assistanceDb(trx);
  const payroll = await db
    .selectFrom("assistance_payrolls")
    .selectAll()
    .where("month", "=", month)
    .forUpdate()
    .executeTakeFirst();
  if (!payroll) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (payroll.version !== input.version)
    return err({
      code: "version_conflict",
      message: "发放表已被他人修改 (the payroll changed since you read it)",
      field: "version",
    });
  if (payroll.status !== "computed")
    return err({
      code: "invalid_state",
      message: "已审核的发放表不能撤销 (an approved payroll cannot be cancelled)",
      field: "status",
    });
  const later = await db
    .selectFrom("assistance_payrolls")
    .select("month")
    .where("month", ">", month)
    .orderBy("month", "desc")
    .executeTakeFirst();
  if (later)
    return err({
      code: "later_payroll_exists",
      message: `请先撤销 ${later.month} 的发放表 (cancel the later payroll of ${later.month} first)`,
      field: "month",
    });
  const adjustments = await db
    .selectFrom("assistance_payroll_lines")
    .select("case_id")
    .where("month", "=", month)
    .where("kind", "=", "adjustment")
    .limit(1)
    .executeTakeFirst();
  if (payroll.settled_bases === null && adjustments) {
    return err({
      code: "cannot_cancel",
      message:
        "该发放表含补发且早于撤销功能生成，无法恢复此前月份的依据 (this payroll paid back-pay before cancellation was possible; earlier bases cannot be restored)",
      field: "month",
    });
  }
  await db.deleteFrom("assistance_payroll_lines").where("month", "=", month).execute();
  await db.deleteFrom("assistance_payroll_totals").where("month", "=", month).execute();
  await db.deleteFrom("assistance_payrolls").where("month", "=", month).execute();
  for (const each of payroll.settled_bases ?? []) {
    await db
      .updateTable("assistance_payrolls")
      .set({ basis: JSON.stringify(each.basis) })
      .where("month", "=", each.month)
      .execute();
  }
  await audit(trx, context, {
    action: "assistance.payroll.cancel",
    entityType: "assistance_payroll",
    entityId: month,
    townCode: null,
    before: {
      status: payroll.status,
      households: payroll.households,
      persons: payroll.persons,
      lines: payroll.lines,
      totalFen: Number(payroll.total_fen),
      adjustmentFen: Number(payroll.adjustment_fen),
      runBy: payroll.run_by_username,
      runAt: new Date(payroll.run_at).toISOString(),
      restoredMonths: (payroll.settled_bases ?? []).map((each) => each.month),
    },
    after: { status: "cancelled", reason: input.reason },
  });
  return ok(null);
}

/** Records that the bank file of a month was exported (time and audit entry with rows and total). */
export async function markExported(
  trx: Trx,
  context: CommandContext,
  month: string,
  after: Record<string, unknown>,
): Promise<void> {
  await assistanceDb(trx)
    .updateTable("assistance_payrolls")
    .set({ exported_at: new Date() })
    .where("month", "=", month)
    .execute();
  await audit(trx, context, {
    action: "assistance.payroll.export",
    entityType: "assistance_payroll",
    entityId: month,
    townCode: null,
    after,
  });
}
