/** Payroll, CPI and standards routes: civil affairs runs, approves and exports; the price department enters CPI; policy officers propose standards. */
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { fenToYuanString } from "../../../core/money";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden, sendNotFound, sendProblem } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { recordCpi } from "../commands/cpi.record";
import { approvePayroll, cancelPayroll, markExported, runPayroll } from "../commands/payroll.run";
import { decideStandard, proposeNextStandard, submitStandard } from "../commands/standard.commands";
import { bankCsv, bankRows, bankXlsx } from "../payroll.export";
import { findPayroll, listPayrolls } from "../payroll.repository";
import { mayOnAssistance } from "../policies";
import { BankFileQuery, CpiBody, IdParams, MonthParams, PayrollApproveBody, PayrollCancelBody, PayrollLinesQuery, PayrollRunBody, StandardDecisionBody, StandardProposeBody } from "../schemas";
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
    categories: { dibaoYuan: yuan(payroll.dibao_fen), supplementYuan: yuan(payroll.supplement_fen), priceSubsidyYuan: yuan(payroll.price_subsidy_fen), adjustmentYuan: yuan(payroll.adjustment_fen) },
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

/** Mounts payroll, CPI and standards routes. */
export function payrollRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/assistance/payrolls", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.read")) return sendForbidden(reply);
    const rows = await listPayrolls(db);
    return { items: rows.map((payroll) => presentPayroll({ payroll, towns: [] })) };
  });

  app.post("/assistance/payrolls", { schema: { tags, body: PayrollRunBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.run")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => runPayroll(trx, commandContext(request, actor), request.body.month));
    if (!result.ok) return sendRefusal(reply, result.error);
    const found = (await findPayroll(db, request.body.month))!;
    return reply.code(result.value.created ? 201 : 200).send({ ...presentPayroll(found), created: result.value.created });
  });

  app.get("/assistance/payrolls/:month", { schema: { tags, params: MonthParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.read")) return sendForbidden(reply);
    const found = await findPayroll(db, request.params.month);
    return found ? presentPayroll(found) : sendNotFound(reply);
  });

  app.get("/assistance/payrolls/:month/lines", { schema: { tags, params: MonthParams, querystring: PayrollLinesQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.read")) return sendForbidden(reply);
    const { townCode, page = 1, pageSize = 50 } = request.query;
    let query = assistanceDb(db).selectFrom("assistance_payroll_lines").where("month", "=", request.params.month);
    if (townCode) query = query.where("town_code", "=", townCode);
    const total = Number((await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const rows = await query.selectAll().orderBy("town_code").orderBy("case_id").orderBy("for_month").limit(pageSize).offset((page - 1) * pageSize).execute();
    return {
      items: rows.map((row) => ({
        caseId: row.case_id, kind: row.kind, forMonth: row.for_month, townCode: row.town_code, members: row.members, standardYuan: yuan(row.standard_fen),
        dibaoYuan: yuan(row.dibao_fen), supplementYuan: yuan(row.supplement_fen), priceSubsidyYuan: yuan(row.price_subsidy_fen), totalYuan: yuan(row.total_fen),
        payeeName: row.payee_name, bankAccount: `****${row.bank_account.slice(-4)}`,
      })),
      total, page, pageSize,
    };
  });

  app.post("/assistance/payrolls/:month/approval", { schema: { tags, params: MonthParams, body: PayrollApproveBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.run")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => approvePayroll(trx, commandContext(request, actor), request.params.month, request.body.version));
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentPayroll((await findPayroll(db, request.params.month))!);
  });

  app.post("/assistance/payrolls/:month/cancellation", { schema: { tags, params: MonthParams, body: PayrollCancelBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.run")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => cancelPayroll(trx, commandContext(request, actor), request.params.month, request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    return { month: request.params.month, status: "cancelled" };
  });

  app.get("/assistance/payrolls/:month/bank-file", { schema: { tags, params: MonthParams, querystring: BankFileQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "payroll.run")) return sendForbidden(reply);
    const month = request.params.month;
    const format = request.query.format ?? "csv";
    const file = await inTransaction(db, async (trx) => {
      const found = await findPayroll(trx, month);
      if (!found) return null;
      if (found.payroll.status !== "approved") return "not_approved" as const;
      const { rows, totalFen, withheld } = await bankRows(trx, month);
      await markExported(trx, commandContext(request, actor), month, { format, rows: rows.length, totalFen, withheld });
      return format === "csv" ? bankCsv(month, rows, totalFen) : await bankXlsx(month, rows, totalFen);
    });
    if (file === null) return sendNotFound(reply);
    if (file === "not_approved") return sendProblem(reply, { code: "not_approved", message: "发放表审核后方可导出 (approve the payroll first)", field: "status" });
    reply.header("content-disposition", `attachment; filename="dibao-${month}.${format}"`);
    reply.type(format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return reply.send(file);
  });

  app.get("/assistance/cpi", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "cpi.read")) return sendForbidden(reply);
    const rows = await assistanceDb(db).selectFrom("assistance_cpi").selectAll().orderBy("month", "desc").limit(120).execute();
    const percent = (value: number | null) => (value === null ? null : `${value < 0 ? "-" : ""}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, "0")}`);
    return {
      items: rows.map((row) => ({
        month: row.month, cpiPercent: percent(row.cpi_hundredths), foodPercent: percent(row.food_hundredths), releasedOn: row.released_on, synthetic: row.synthetic,
        recordedBy: row.recorded_by_username, recordedAt: new Date(row.recorded_at).toISOString(), triggered: row.triggered, subsidyDueOn: row.subsidy_due_on,
        coveredHouseholds: row.covered_households, coveredPersons: row.covered_persons, subsidyYuan: yuan(row.subsidy_fen), version: row.version,
      })),
    };
  });

  app.put("/assistance/cpi/:month", { schema: { tags, params: MonthParams, body: CpiBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "cpi.record")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => recordCpi(trx, commandContext(request, actor), request.params.month, request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    const { subsidyFen, ...rest } = result.value;
    return { ...rest, subsidyYuan: yuan(subsidyFen) };
  });

  app.get("/assistance/standards", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "standard.read")) return sendForbidden(reply);
    const rows = await assistanceDb(db).selectFrom("assistance_standards").selectAll().orderBy("created_at", "desc").limit(50).execute();
    return {
      items: rows.map((row) => ({
        id: row.id, effectiveFrom: row.effective_from, standardYuan: yuan(row.standard_fen), supplementYuan: yuan(row.supplement_fen), status: row.status,
        basis: row.basis, simulation: row.simulation, decisionReason: row.decision_reason, version: row.version, createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  });

  app.post("/assistance/standards", { schema: { tags, body: StandardProposeBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "standard.propose")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => proposeNextStandard(trx, commandContext(request, actor), request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(result.value);
  });

  app.post("/assistance/standards/:id/submission", { schema: { tags, params: IdParams, body: PayrollApproveBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "standard.propose")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => submitStandard(trx, commandContext(request, actor), request.params.id, request.body.version));
    if (!result.ok) return sendRefusal(reply, result.error);
    return { ok: true };
  });

  app.post("/assistance/standards/:id/decision", { schema: { tags, params: IdParams, body: StandardDecisionBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "standard.approve")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => decideStandard(trx, commandContext(request, actor), request.params.id, request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    return { ok: true };
  });
}
