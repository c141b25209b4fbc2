/** Payroll, CPI and standards routes: civil affairs runs, approves and exports; the price department enters CPI; policy officers propose standards. */
import { fenToYuanString } from "../../../core/money";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, sendRefusal } from "../../../platform/http/command-reply";
import { attachmentDisposition } from "../../../platform/http/attachment";
import { sendNotFound, sendProblem } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import { recordCpi } from "../commands/cpi.record";
import { approvePayroll, cancelPayroll, markExported, runPayroll } from "../commands/payroll.run";
import { decideStandard, proposeNextStandard, submitStandard } from "../commands/standard.commands";
import { bankCsv, bankFileName, bankRows, bankXlsx } from "../payroll.export";
import { findPayroll, listPayrolls } from "../payroll.repository";
import {
  CpiListResponse,
  CpiOutcomeResponse,
  OkResponse,
  PayrollCancelledResponse,
  PayrollLinesResponse,
  PayrollResponse,
  PayrollRunResponse,
  PayrollsResponse,
  StandardCreatedResponse,
  StandardsResponse,
} from "../responses";
import {
  BankFileBody,
  CpiBody,
  IdParams,
  MonthParams,
  PayrollApproveBody,
  PayrollCancelBody,
  PayrollLinesQuery,
  PayrollRunBody,
  StandardDecisionBody,
  StandardProposeBody,
} from "../schemas";
import { assistanceDb } from "../tables";

const tags = ["assistance"];
const yuan = (fen: number | string) => fenToYuanString(Number(fen));

type PayrollRow = NonNullable<Awaited<ReturnType<typeof findPayroll>>>;

/** A payroll with totals per 镇区 and per category (dibao, supplement, price subsidy, back-pay), amounts in yuan. */
export function presentPayroll({ payroll, towns }: PayrollRow) {
  return {
    month: payroll.month,
    status: payroll.status,
    basis: payroll.basis,
    households: payroll.households,
    persons: payroll.persons,
    lines: payroll.lines,
    categories: {
      dibaoYuan: yuan(payroll.dibao_fen),
      supplementYuan: yuan(payroll.supplement_fen),
      priceSubsidyYuan: yuan(payroll.price_subsidy_fen),
      adjustmentYuan: yuan(payroll.adjustment_fen),
    },
    totalYuan: yuan(payroll.total_fen),
    towns: towns.map((town) => ({
      townCode: town.town_code,
      households: town.households,
      persons: town.persons,
      dibaoYuan: yuan(town.dibao_fen),
      supplementYuan: yuan(town.supplement_fen),
      priceSubsidyYuan: yuan(town.price_subsidy_fen),
      adjustmentYuan: yuan(town.adjustment_fen),
      totalYuan: yuan(town.total_fen),
    })),
    runBy: payroll.run_by_username,
    runAt: new Date(payroll.run_at).toISOString(),
    approvedBy: payroll.approved_by_username,
    approvedAt: payroll.approved_at ? new Date(payroll.approved_at).toISOString() : null,
    exportedAt: payroll.exported_at ? new Date(payroll.exported_at).toISOString() : null,
    version: payroll.version,
  };
}

/** The payroll of `:month` (civil-affairs data: every payroll is in scope for who holds the permission). */
const payrollTarget: RouteTarget<{ month: string }, unknown, PayrollRow> = {
  resource: "payroll",
  load: (executor, { params }) => findPayroll(executor, params.month),
};

// A standard is city-wide: every holder of the route's permission may reach it; a guessed id is the one 404.
const standardTarget: RouteTarget<{ id: string }, unknown, { id: string }> = {
  resource: "standard",
  load: (executor, { params }) =>
    assistanceDb(executor)
      .selectFrom("assistance_standards")
      .select("id")
      .where("id", "=", params.id)
      .executeTakeFirst(),
};

/** Payroll, CPI and standards routes. */
export const payrollRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/assistance/payrolls",
    summary: { zh: "发放名册列表", en: "The payrolls" },
    tags,
    permission: "assistance.payroll.read",
    response: { 200: PayrollsResponse },
    handler: async ({ db }) => ({
      items: (await listPayrolls(db)).map((payroll) => presentPayroll({ payroll, towns: [] })),
    }),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/payrolls",
    summary: {
      zh: "生成月度发放名册（已生成则返回原名册）",
      en: "Run a month's payroll (200 with the existing one when already run)",
    },
    tags,
    permission: "assistance.payroll.run",
    body: PayrollRunBody,
    response: { 201: PayrollRunResponse, 200: PayrollRunResponse },
    handler: async ({ db, request, reply, actor, body }) => {
      const result = await inTransactionWhenOk(db, (trx) =>
        runPayroll(trx, commandContext(request, actor), body.month),
      );
      if (!result.ok) return sendRefusal(reply, result.error);
      const found = (await findPayroll(db, body.month))!;
      return reply
        .code(result.value.created ? 201 : 200)
        .send({ ...presentPayroll(found), created: result.value.created });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/payrolls/:month",
    summary: { zh: "查看发放名册（按镇区和类别汇总）", en: "A payroll with totals per town and category" },
    tags,
    permission: "assistance.payroll.read",
    params: MonthParams,
    target: payrollTarget,
    response: { 200: PayrollResponse },
    handler: ({ target }) => presentPayroll(target),
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/payrolls/:month/lines",
    summary: { zh: "发放名册明细（银行账号打码）", en: "A payroll's lines (bank accounts masked)" },
    tags,
    permission: "assistance.payroll.read",
    params: MonthParams,
    target: payrollTarget,
    querystring: PayrollLinesQuery,
    response: { 200: PayrollLinesResponse },
    handler: async ({ db, params, query: filter }) => {
      const { townCode, page = 1, pageSize = 50 } = filter;
      let query = assistanceDb(db).selectFrom("assistance_payroll_lines").where("month", "=", params.month);
      if (townCode) query = query.where("town_code", "=", townCode);
      const total = Number((await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      const rows = await query
        .selectAll()
        .orderBy("town_code")
        .orderBy("case_id")
        .orderBy("for_month")
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        items: rows.map((row) => ({
          caseId: row.case_id,
          kind: row.kind,
          forMonth: row.for_month,
          townCode: row.town_code,
          members: row.members,
          standardYuan: yuan(row.standard_fen),
          dibaoYuan: yuan(row.dibao_fen),
          supplementYuan: yuan(row.supplement_fen),
          priceSubsidyYuan: yuan(row.price_subsidy_fen),
          totalYuan: yuan(row.total_fen),
          payeeName: row.payee_name,
          bankAccount: `****${row.bank_account.slice(-4)}`,
        })),
        total,
        page,
        pageSize,
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/payrolls/:month/approval",
    summary: { zh: "审核发放名册（需带版本号）", en: "Approve a payroll (with its version)" },
    tags,
    permission: "assistance.payroll.run",
    params: MonthParams,
    body: PayrollApproveBody,
    target: payrollTarget,
    response: { 200: PayrollResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => approvePayroll(trx, commandContext(request, actor), params.month, body.version)),
    present: async (_approved, { db, params }) => presentPayroll((await findPayroll(db, params.month))!),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/payrolls/:month/cancellation",
    summary: {
      zh: "作废发放名册（导出前，需带版本号和理由）",
      en: "Cancel a payroll (before export, with its version and a reason)",
    },
    tags,
    permission: "assistance.payroll.run",
    params: MonthParams,
    body: PayrollCancelBody,
    target: payrollTarget,
    response: { 200: PayrollCancelledResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => cancelPayroll(trx, commandContext(request, actor), params.month, body)),
    present: (_cancelled, { params }) => ({ month: params.month, status: "cancelled" as const }),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/payrolls/:month/bank-file",
    summary: {
      zh: "导出银行代发文件（CSV 或 XLSX，记录导出并记入审计；因此是 POST）",
      en: "Export the bank file as CSV or XLSX (records the export and audits it, hence a POST)",
    },
    tags,
    permission: "assistance.payroll.run",
    params: MonthParams,
    body: BankFileBody,
    target: payrollTarget,
    response: { 200: { mediaType: "text/csv", description: "the bank file (CSV, or XLSX with ?format=xlsx)" } },
    handler: async ({ db, request, reply, actor, params, body }) => {
      const month = params.month;
      const format = body.format ?? "csv";
      const file = await inTransaction(db, async (trx) => {
        const found = await findPayroll(trx, month);
        if (!found) return null;
        if (found.payroll.status !== "approved") return "not_approved" as const;
        const { rows, totalFen, withheld } = await bankRows(trx, month);
        await markExported(trx, commandContext(request, actor), month, {
          format,
          rows: rows.length,
          totalFen,
          withheld,
        });
        return format === "csv" ? bankCsv(month, rows, totalFen) : await bankXlsx(month, rows, totalFen);
      });
      if (file === null) return sendNotFound(reply);
      if (file === "not_approved")
        return sendProblem(reply, {
          code: "not_approved",
          message: "发放表审核后方可导出 (approve the payroll first)",
          field: "status",
        });
      const { name, fallback } = bankFileName(month, format);
      reply.header("content-disposition", attachmentDisposition(name, fallback));
      reply.type(
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      return reply.send(file);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/cpi",
    summary: { zh: "物价指数和价格临时补贴联动", en: "CPI figures and the price-subsidy link" },
    tags,
    permission: "assistance.cpi.read",
    response: { 200: CpiListResponse },
    handler: async ({ db }) => {
      const rows = await assistanceDb(db)
        .selectFrom("assistance_cpi")
        .selectAll()
        .orderBy("month", "desc")
        .limit(120)
        .execute();
      const percent = (value: number | null) =>
        value === null
          ? null
          : `${value < 0 ? "-" : ""}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, "0")}`;
      return {
        items: rows.map((row) => ({
          month: row.month,
          cpiPercent: percent(row.cpi_hundredths),
          foodPercent: percent(row.food_hundredths),
          releasedOn: row.released_on,
          synthetic: row.synthetic,
          recordedBy: row.recorded_by_username,
          recordedAt: new Date(row.recorded_at).toISOString(),
          triggered: row.triggered,
          subsidyDueOn: row.subsidy_due_on,
          coveredHouseholds: row.covered_households,
          coveredPersons: row.covered_persons,
          subsidyYuan: yuan(row.subsidy_fen),
          version: row.version,
        })),
      };
    },
  }),
  defineRoute({
    method: "PUT",
    url: "/assistance/cpi/:month",
    summary: { zh: "录入月度物价指数（触发价格补贴联动）", en: "Record a month's CPI (may trigger the price subsidy)" },
    tags,
    permission: "assistance.cpi.record",
    params: MonthParams,
    body: CpiBody,
    response: { 200: CpiOutcomeResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => recordCpi(trx, commandContext(request, actor), params.month, body)),
    present: ({ subsidyFen, ...rest }) => ({ ...rest, subsidyYuan: yuan(subsidyFen) }),
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/standards",
    summary: { zh: "低保标准（最新在前）", en: "Standards, newest first" },
    tags,
    permission: "assistance.standards.read",
    response: { 200: StandardsResponse },
    handler: async ({ db }) => {
      const rows = await assistanceDb(db)
        .selectFrom("assistance_standards")
        .selectAll()
        .orderBy("created_at", "desc")
        .limit(50)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          effectiveFrom: row.effective_from,
          standardYuan: yuan(row.standard_fen),
          supplementYuan: yuan(row.supplement_fen),
          status: row.status,
          basis: row.basis,
          simulation: row.simulation,
          decisionReason: row.decision_reason,
          version: row.version,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/standards",
    summary: { zh: "提出下一年度标准（附测算）", en: "Propose the next standard (with its simulation)" },
    tags,
    permission: "assistance.standards.propose",
    body: StandardProposeBody,
    response: { 201: StandardCreatedResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => proposeNextStandard(trx, commandContext(request, actor), body)),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/standards/:id/submission",
    summary: { zh: "提交标准审批（需带版本号）", en: "Submit a standard for approval (with its version)" },
    tags,
    permission: "assistance.standards.propose",
    params: IdParams,
    target: standardTarget,
    body: PayrollApproveBody,
    response: { 200: OkResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => submitStandard(trx, commandContext(request, actor), params.id, body.version)),
    present: () => ({ ok: true }),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/standards/:id/decision",
    summary: { zh: "批准或退回标准", en: "Approve or return a standard" },
    tags,
    permission: "assistance.standards.approve",
    params: IdParams,
    target: standardTarget,
    body: StandardDecisionBody,
    response: { 200: OkResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => decideStandard(trx, commandContext(request, actor), params.id, body)),
    present: () => ({ ok: true }),
  }),
];
