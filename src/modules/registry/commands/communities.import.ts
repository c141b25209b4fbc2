/**
 * Loads or corrects the communities (社区/村) of the 镇区 and the position of each one's centre on the city grid the
 * schools use (metres), from a CSV or XLSX file: `town_code, name, x, y` (x and y both given or both blank). A
 * community is matched by 镇区 and name: a new one is added, a known one gets the position given. Every row is
 * checked first; a bad row is reported with its number and reason, and nothing is stored unless the caller chose
 * to import the good rows. One audit entry for the file. The school application reads the position (issue 15).
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { err, ok, type Problem, type Result } from "../../../core/result";
import { spreadsheetRow } from "../../../core/spreadsheet";
import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import {
  csvTable,
  findColumns,
  isBlankRow,
  rowsRefusedProblem,
  settleImport,
  xlsxTable,
  type ImportMode,
  type RowProblem,
  type Table,
} from "../../../platform/imports";

/** How far from the grid's origin a centre may lie (metres): Guangdong fits in ±1,000 km. */
const maxCoordinate = 1_000_000;

/** The file: CSV text, CSV bytes in base64, or an XLSX workbook in base64. */
export interface CommunitiesFile {
  csv?: string;
  csvBase64?: string;
  xlsxBase64?: string;
  mode?: ImportMode;
}

/** What an import did. */
export interface CommunitiesImported {
  rows: number;
  created: number;
  updated: number;
  located: number;
  refused: RowProblem[];
}

interface Row {
  townCode: string;
  name: string;
  x: number | null;
  y: number | null;
}

async function readTable(file: CommunitiesFile): Promise<Result<Table, Problem>> {
  if (file.xlsxBase64 !== undefined) return xlsxTable(Buffer.from(file.xlsxBase64, "base64"));
  const read = csvTable(file);
  return read.ok ? ok(read.value.table) : read;
}

function coordinate(text: string): number | null | undefined {
  if (text.trim() === "") return null;
  const value = Number(text.trim());
  return Number.isFinite(value) && Math.abs(value) <= maxCoordinate ? value : undefined;
}

/** Checks every row: the 镇区 exists, a name of 1–100 characters, a position given whole and in range, no repeat. */
function checkRows(table: Table, towns: Set<string>, columns: Record<"town" | "name" | "x" | "y", number>) {
  const rows: Row[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, index) => {
    const number = index + 2;
    if (isBlankRow(cells)) return;
    const cell = (at: number) => (cells[at] ?? "").trim();
    const townCode = cell(columns.town);
    const name = cell(columns.name);
    const x = coordinate(cell(columns.x));
    const y = coordinate(cell(columns.y));
    const before = problems.length;
    if (!towns.has(townCode))
      problems.push({ row: number, column: "town_code", message: `没有镇区“${townCode}” (unknown town)` });
    if (name === "" || name.length > 100)
      problems.push({ row: number, column: "name", message: "社区名称须为1至100个字 (a name of 1–100 characters)" });
    if (x === undefined || y === undefined)
      problems.push({
        row: number,
        column: x === undefined ? "x" : "y",
        message: `坐标须为不超过 ${maxCoordinate} 米的数字 (a number of metres within ±${maxCoordinate})`,
      });
    else if ((x === null) !== (y === null))
      problems.push({ row: number, column: "x", message: "x 和 y 须同时填写或同时留空 (give both or neither)" });
    const key = `${townCode}\u0000${name}`;
    if (seen.has(key))
      problems.push({
        row: number,
        column: "name",
        message: `与第 ${seen.get(key)} 行重复 (repeats row ${seen.get(key)})`,
      });
    seen.set(key, number);
    if (problems.length === before) rows.push({ townCode, name, x: x ?? null, y: y ?? null });
  });
  return { rows, problems };
}

/** Imports the file in the caller's transaction. */
export async function importCommunities(
  trx: Trx,
  context: CommandContext<Actor | null>,
  file: CommunitiesFile,
  source: string,
): Promise<Result<CommunitiesImported, Problem>> {
  const table = await readTable(file);
  if (!table.ok) return table;
  const header = table.value[0] ?? [];
  const found = findColumns(
    header,
    { town: ["town_code", "镇区代码"], name: ["name", "社区名称", "社区"], x: ["x"], y: ["y"] },
    ["town", "name", "x", "y"],
  );
  if (!found.ok) return found;
  const towns = new Set((await trx.selectFrom("towns").select("code").execute()).map((row) => row.code));
  const { rows, problems } = checkRows(table.value, towns, found.value as Record<"town" | "name" | "x" | "y", number>);
  const settled = settleImport(file.mode, problems);
  if (!settled.ok) return settled;
  // Good rows asked for, but there are none: the report of the bad ones is the answer.
  if (rows.length === 0 && problems.length > 0) return err(rowsRefusedProblem(problems));
  if (rows.length === 0)
    return err({ code: "empty_file", field: "file", message: "file: 没有社区行 (no community rows)" });
  // One statement: new communities are added, known ones (same 镇区 and name) get the position given; `xmax = 0`
  // tells an inserted row from an updated one.
  const written = await trx
    .insertInto("communities")
    .values(rows.map((row) => ({ town_code: row.townCode, name: row.name, x: row.x, y: row.y })))
    .onConflict((conflict) =>
      conflict
        .columns(["town_code", "name"])
        .doUpdateSet((eb) => ({ x: eb.ref("excluded.x"), y: eb.ref("excluded.y") })),
    )
    .returning(sql<boolean>`(xmax = 0)`.as("created"))
    .execute();
  const created = written.filter((row) => row.created).length;
  const updated = written.length - created;
  const located = rows.filter((row) => row.x !== null).length;
  await audit(trx, context, {
    action: "registry.communities.import",
    entityType: "community_import",
    entityId: source,
    townCode: null,
    after: { source, rows: rows.length, created, updated, located, refused: problems.length },
  });
  return ok({ rows: rows.length, created, updated, located, refused: problems });
}

/**
 * The workbook an operator fills in: the header row `town_code, name, x, y` on the first sheet (no example row, so
 * that a template sent back unchanged adds nothing), and on a second sheet what each column means and the code of
 * every 镇区.
 */
export async function communitiesTemplateXlsx(towns: readonly { code: string; name: string }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("社区");
  sheet.addRow(["town_code", "name", "x", "y"]);
  sheet.columns.forEach((column) => (column.width = 18));
  const notes = workbook.addWorksheet("说明");
  for (const line of [
    ["town_code", "镇区代码，见下表 (the town's code, listed below)"],
    ["name", "社区或村的名称，1至100个字 (the community's name, 1–100 characters)"],
    [
      "x, y",
      `社区中心在全市网格上的坐标（米，不超过 ±${maxCoordinate}）；未知时两者都留空 (metres; both blank when not known)`,
    ],
    [],
    ["镇区代码 (town code)", "镇区 (town)"],
    ...towns.map((town) => [town.code, town.name]),
  ])
    notes.addRow(spreadsheetRow(line));
  notes.getColumn(1).width = 22;
  notes.getColumn(2).width = 70;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
