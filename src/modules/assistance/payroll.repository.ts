/** Reads of the payroll: the cases payable in a month, the price figures, a payroll with its totals and lines. */
import { sql } from "kysely";
import type { CpiFigures } from "../../rules/assistance/request.validation";
import type { Executor } from "../../db/transaction";
import type { PayableCase } from "./payroll.compute";
import { assistanceDb, type RevisionMember } from "./tables";

/**
 * Every approved case paid in `month` (started, not stopped), with the revision in force for that month: the
 * current revision when it applies (a hash join, fast for a whole city), else the latest earlier one.
 */
export async function loadPayableCases(executor: Executor, month: string): Promise<PayableCase[]> {
  const result = await sql<{
    id: string;
    town_code: string;
    payee_name: string;
    bank_account: string;
    revision: number;
    members: RevisionMember[];
    assets_fen: number;
  }>`
    select c.id, c.town_code, c.payee_name, c.bank_account, r.revision, r.members, r.assets_fen
    from assistance_cases c join assistance_case_revisions r on r.case_id = c.id and r.revision = c.revision
    where c.decision = 'approved' and c.start_month <= ${month} and (c.stop_month is null or c.stop_month > ${month})
      and (r.from_month is null or r.from_month <= ${month})
    union all
    select c.id, c.town_code, c.payee_name, c.bank_account, r.revision, r.members, r.assets_fen
    from assistance_cases c join assistance_case_revisions current on current.case_id = c.id and current.revision = c.revision
    join lateral (
      select revision, members, assets_fen from assistance_case_revisions earlier
      where earlier.case_id = c.id and (earlier.from_month is null or earlier.from_month <= ${month})
      order by revision desc limit 1
    ) r on true
    where c.decision = 'approved' and c.start_month <= ${month} and (c.stop_month is null or c.stop_month > ${month})
      and current.from_month > ${month}`.execute(executor);
  return result.rows.map((row) => ({
    caseId: row.id,
    townCode: row.town_code,
    payeeName: row.payee_name,
    bankAccount: row.bank_account,
    revision: row.revision,
    members: row.members,
    assetsFen: Number(row.assets_fen),
  }));
}

/** Every month's price figures, keyed by YYYY-MM. */
export async function loadCpi(executor: Executor): Promise<Map<string, CpiFigures>> {
  const rows = await assistanceDb(executor)
    .selectFrom("assistance_cpi")
    .select(["month", "cpi_hundredths", "food_hundredths"])
    .execute();
  return new Map(
    rows.map((row) => [
      row.month,
      { cpiHundredths: row.cpi_hundredths ?? undefined, foodHundredths: row.food_hundredths ?? undefined },
    ]),
  );
}

/** What was paid for one month per case so far (all payrolls), with the revision its regular line used. */
export interface PaidForMonth {
  caseId: string;
  townCode: string;
  payeeName: string;
  bankAccount: string;
  revision: number;
  members: RevisionMember[];
  assetsFen: number;
  dibaoFen: number;
  supplementFen: number;
  priceSubsidyFen: number;
  totalFen: number;
}

/** Sums the lines paid for `forMonth` per case and joins the revision used, to recompute that month. */
export async function loadPaidForMonth(executor: Executor, forMonth: string): Promise<PaidForMonth[]> {
  const result = await sql<{
    case_id: string;
    town_code: string;
    payee_name: string;
    bank_account: string;
    revision: number;
    members: RevisionMember[];
    assets_fen: number;
    dibao: number;
    supplement: number;
    price: number;
    total: number;
  }>`
    select p.*, r.members, r.assets_fen from (
      select case_id, min(town_code) as town_code, min(payee_name) as payee_name, min(bank_account) as bank_account,
        max(revision) as revision, sum(dibao_fen) as dibao, sum(supplement_fen) as supplement,
        sum(price_subsidy_fen) as price, sum(total_fen) as total
      from assistance_payroll_lines where for_month = ${forMonth} group by case_id
    ) p join assistance_case_revisions r on r.case_id = p.case_id and r.revision = p.revision
    order by p.town_code, p.case_id`.execute(executor);
  return result.rows.map((row) => ({
    caseId: row.case_id,
    townCode: row.town_code,
    payeeName: row.payee_name,
    bankAccount: row.bank_account,
    revision: row.revision,
    members: row.members,
    assetsFen: Number(row.assets_fen),
    dibaoFen: Number(row.dibao),
    supplementFen: Number(row.supplement),
    priceSubsidyFen: Number(row.price),
    totalFen: Number(row.total),
  }));
}

/** A payroll header with its totals per 镇区. */
export async function findPayroll(executor: Executor, month: string) {
  const db = assistanceDb(executor);
  const payroll = await db.selectFrom("assistance_payrolls").selectAll().where("month", "=", month).executeTakeFirst();
  if (!payroll) return undefined;
  const towns = await db
    .selectFrom("assistance_payroll_totals")
    .selectAll()
    .where("month", "=", month)
    .orderBy("town_code")
    .execute();
  return { payroll, towns };
}

/** The payroll months, newest first. */
export async function listPayrolls(executor: Executor) {
  return assistanceDb(executor)
    .selectFrom("assistance_payrolls")
    .selectAll()
    .orderBy("month", "desc")
    .limit(120)
    .execute();
}
