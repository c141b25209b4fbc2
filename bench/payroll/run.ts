/**
 * Payroll benchmark on a real PostgreSQL (DATABASE_URL): 200,000 approved households (~458,000 persons) across
 * the 24 镇区, a triggering CPI month; times the payroll run (compute every line with the rules engine, write
 * every line and the totals, one transaction) and the bank file export (CSV; XLSX reported too). Setup runs
 * in a fresh database that is dropped at the end. The last line printed is JSON.
 */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { inTransaction, inTransactionWhenOk } from "../../src/db/transaction";
import { loadTowns } from "../../src/demo/reference";
import { approvePayroll, runPayroll } from "../../src/modules/assistance/commands/payroll.run";
import { bankCsv, bankRows, bankXlsx } from "../../src/modules/assistance/payroll.export";
import { findPayroll } from "../../src/modules/assistance/payroll.repository";
import { assistanceDb } from "../../src/modules/assistance/tables";
import { fenToYuanString } from "../../src/core/money";
import { seedCaseload } from "./population";

const households = Number(process.argv[2] ?? 200_000);
const month = "2026-10";
const serverUrl = process.env.DATABASE_URL?.trim();
if (!serverUrl) {
  process.stdout.write(
    "bench:payroll skipped: set DATABASE_URL to a PostgreSQL server (the benchmark creates and drops its own database)\n",
  );
  process.stdout.write(`${JSON.stringify({ skipped: true, reason: "DATABASE_URL is not set" })}\n`);
  process.exit(0);
}

const name = `gz_bench_payroll_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ url: url.toString() });
const log = (line: string) => process.stderr.write(`${line}\n`);
try {
  await migrate(handle.db);
  await inTransaction(handle.db, (trx) => loadTowns(trx));
  const setupStart = performance.now();
  const { persons } = await seedCaseload(handle.db, households, month, (label) => log(`setup: ${label}`));
  await assistanceDb(handle.db)
    .insertInto("assistance_cpi")
    .values({
      month,
      cpi_hundredths: 360,
      food_hundredths: 650,
      released_on: `${month}-10`,
      synthetic: true,
      recorded_by_username: "bench",
    })
    .execute();
  await sql`analyze`.execute(handle.db);
  log(`setup: ${households} households, ${persons} persons in ${Math.round(performance.now() - setupStart)} ms`);

  const context = { actor: null, username: "bench", requestId: null };
  const runStart = performance.now();
  const run = await inTransactionWhenOk(handle.db, (trx) => runPayroll(trx, context, month));
  const payrollMs = performance.now() - runStart;
  if (!run.ok) throw new Error(run.error.message);
  const found = (await findPayroll(handle.db, month))!;
  await inTransactionWhenOk(handle.db, (trx) => approvePayroll(trx, context, month, found.payroll.version));

  const folder = tmpdir();
  const csvStart = performance.now();
  const csvRows = await bankRows(handle.db, month);
  await writeFile(join(folder, `${name}.csv`), bankCsv(month, csvRows.rows, csvRows.totalFen));
  const exportCsvMs = performance.now() - csvStart;
  const xlsxStart = performance.now();
  const xlsxRows = await bankRows(handle.db, month);
  await writeFile(join(folder, `${name}.xlsx`), await bankXlsx(month, xlsxRows.rows, xlsxRows.totalFen));
  const exportXlsxMs = performance.now() - xlsxStart;
  const lineCount = Number(found.payroll.lines);
  const totalsAgree = csvRows.totalFen === Number(found.payroll.total_fen);
  const figures = {
    households,
    persons,
    lines: lineCount,
    towns: found.towns.length,
    total_yuan: fenToYuanString(Number(found.payroll.total_fen)),
    bank_file_total_yuan: fenToYuanString(csvRows.totalFen),
    totals_agree: totalsAgree,
    payroll_ms: Math.round(payrollMs),
    export_csv_ms: Math.round(exportCsvMs),
    export_xlsx_ms: Math.round(exportXlsxMs),
    payroll_under_10s: payrollMs < 10_000,
    export_under_5s: exportCsvMs < 5_000,
  };
  log(`payroll ${figures.payroll_ms} ms, CSV ${figures.export_csv_ms} ms, XLSX ${figures.export_xlsx_ms} ms`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await handle.close();
  const dropper = new pg.Client({ connectionString: serverUrl });
  await dropper.connect();
  await dropper.query(`drop database if exists ${name} with (force)`);
  await dropper.end();
}
