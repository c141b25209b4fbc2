/**
 * The bank payment file of an approved payroll, CSV or XLSX: one row per household (payee account, name,
 * amount in yuan with fen: the sum of its lines of the month, regular and adjustments), then a total row equal
 * to the sum of the rows to the fen. Households whose net amount is not positive are left out and reported.
 *
 * The 镇区 column holds the 镇区's name (石岐区), never its code: the file is read by people at the bank and the
 * civil-affairs office.
 *
 * Formula escaping (src/core/spreadsheet.ts) applies to every cell of both files: the text cells (account, name,
 * case number, 镇区, the total row's labels) get a leading single quote if they start with =, +, - or @; the
 * amount column is an exact decimal string (`fenToYuanString`), which the escaping leaves alone because a plain
 * number cannot be a formula, so a bank reads -350.50 as -350.50 whatever the sign.
 */
import { sql } from "kysely";
import { toCsv } from "../../core/csv";
import { fenToYuanString } from "../../core/money";
import { streamedXlsx } from "../../core/xlsx-stream";
import type { Executor } from "../../db/transaction";

/** One payment of the bank file. */
export interface BankRow {
  number: string;
  townCode: string;
  /** The 镇区's name (from the towns table), shown in the file. */
  townName: string;
  bankAccount: string;
  payeeName: string;
  amountFen: number;
}

/** The rows of a month (net per household, positive only), ordered by 镇区 and case number, and the file total in fen. */
export async function bankRows(
  executor: Executor,
  month: string,
): Promise<{ rows: BankRow[]; totalFen: number; withheld: number }> {
  const result = await sql<{
    case_id: string;
    number: string;
    town_code: string;
    town_name: string | null;
    bank_account: string;
    payee_name: string;
    total_fen: number;
  }>`
    select l.case_id, c.number, l.town_code, t.name as town_name, l.bank_account, l.payee_name, l.total_fen
    from assistance_payroll_lines l
      join assistance_cases c on c.id = l.case_id
      left join towns t on t.code = l.town_code
    where l.month = ${month}`.execute(executor);
  const byCase = new Map<string, BankRow>();
  for (const row of result.rows) {
    const found = byCase.get(row.case_id);
    if (found) found.amountFen += Number(row.total_fen);
    else
      byCase.set(row.case_id, {
        number: row.number,
        townCode: row.town_code,
        townName: row.town_name ?? row.town_code,
        bankAccount: row.bank_account,
        payeeName: row.payee_name,
        amountFen: Number(row.total_fen),
      });
  }
  const rows: BankRow[] = [];
  let totalFen = 0;
  let withheld = 0;
  for (const row of byCase.values()) {
    if (row.amountFen <= 0) {
      withheld += 1;
      continue;
    }
    totalFen += row.amountFen;
    rows.push(row);
  }
  rows.sort((a, b) =>
    a.townCode < b.townCode ? -1 : a.townCode > b.townCode ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0,
  );
  return { rows, totalFen, withheld };
}

/**
 * The name a person sees for the bank file of `month` (`最低生活保障发放-2026年11月.csv`) and the ASCII name for
 * clients that ignore `filename*` (`dibao-2026-11.csv`).
 */
export function bankFileName(month: string, format: "csv" | "xlsx"): { name: string; fallback: string } {
  const [year, monthNumber] = month.split("-");
  return {
    name: `最低生活保障发放-${year}年${Number(monthNumber)}月.${format}`,
    fallback: `dibao-${month}.${format}`,
  };
}

const bankHeader = ["账号", "户名", "金额（元）", "案件编号", "镇区"];

/** One payment as the bank file's cells: account, name, the amount as an exact decimal string, case number, 镇区 name. */
function bankLine(row: BankRow): string[] {
  return [row.bankAccount, row.payeeName, fenToYuanString(row.amountFen), row.number, row.townName];
}

/** The total row: the number of households and the total amount, to the fen. */
function totalLine(month: string, households: number, totalFen: number): string[] {
  return ["合计", `${households} 户`, fenToYuanString(totalFen), month, ""];
}

/** The CSV bank file (UTF-8 with BOM, formula-escaped): account, name, amount, case number, 镇区; then the total row. */
export function bankCsv(month: string, rows: readonly BankRow[], totalFen: number): string {
  const table: string[][] = [bankHeader];
  let sum = 0;
  for (const row of rows) {
    sum += row.amountFen;
    table.push(bankLine(row));
  }
  if (sum !== totalFen) throw new Error(`bank file of ${month}: rows sum to ${sum} fen, total says ${totalFen}`);
  table.push(totalLine(month, rows.length, totalFen));
  return toCsv(table, { bom: true });
}

/** The XLSX bank file (streamed workbook; amounts as text with two decimals so no float reaches the bank). */
export async function bankXlsx(month: string, rows: readonly BankRow[], totalFen: number): Promise<Buffer> {
  const sum = rows.reduce((total, row) => total + row.amountFen, 0);
  if (sum !== totalFen) throw new Error(`bank file of ${month}: rows sum to ${sum} fen, total says ${totalFen}`);
  return streamedXlsx(`低保发放 ${month}`, [
    bankHeader,
    ...rows.map(bankLine),
    totalLine(month, rows.length, totalFen),
  ]);
}
