/**
 * Exports of a published list: XLSX (exceljs) and PDF (pdfkit with the Noto Sans SC font that installs with the
 * project, so Chinese renders). Both carry only the masked entries, the period and its end date.
 */
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { spreadsheetCell, spreadsheetRow } from "../../core/spreadsheet";
import type { PublicityEntry, PublicityList } from "./publicity.lists";

const require = createRequire(import.meta.url);

/** The CJK font file used by every PDF the platform writes (OFL licence, npm @expo-google-fonts/noto-sans-sc). */
export const cjkFontPath = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");

const statusLabels: Record<PublicityList["status"], string> = {
  publicised: "公示中",
  final: "正式公布",
  superseded: "已被新版本取代",
};

/** The heading line under the title: version, period in working days and the end date. */
export function periodLine(list: PublicityList): string {
  return `第 ${list.version} 版 · ${statusLabels[list.status]} · 公示期 ${list.workingDays} 个工作日：${list.startDate} 至 ${list.endDate}`;
}

function headings(list: PublicityList): string[] {
  return ["排名", "姓名", "身份证号码", "镇区", ...list.columns.map((column) => column.label)];
}

function cells(
  list: PublicityList,
  entry: PublicityEntry,
  townNames: ReadonlyMap<string, string>,
): (string | number)[] {
  const town = entry.townCode ? (townNames.get(entry.townCode) ?? entry.townCode) : "全市";
  return [
    entry.rank ?? "—",
    entry.maskedName,
    entry.maskedIdNumber,
    town,
    ...list.columns.map((column) => entry.values[column.key] ?? ""),
  ];
}

/** Writes the list as an XLSX workbook (one sheet, a title row, the period row, then the table); every text cell is formula-escaped. */
export async function listToXlsx(
  list: PublicityList,
  entries: PublicityEntry[],
  townNames: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongzhi";
  const sheet = workbook.addWorksheet("公示名单");
  sheet.addRow([spreadsheetCell(list.title)]).font = { bold: true, size: 14 };
  sheet.addRow([spreadsheetCell(periodLine(list))]);
  const header = sheet.addRow(spreadsheetRow(headings(list)));
  header.font = { bold: true };
  for (const entry of entries) sheet.addRow(spreadsheetRow(cells(list, entry, townNames)));
  sheet.columns.forEach((column, index) => (column.width = index === 2 ? 22 : 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Writes the list as an A4 PDF table with the CJK font: long cells wrap within their column (the row grows), long
 * lists continue on further pages with the header repeated.
 */
export async function listToPdf(
  list: PublicityList,
  entries: PublicityEntry[],
  townNames: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const document = new PDFDocument({ size: "A4", margin: 40, info: { Title: list.title, Creator: "Gongzhi" } });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  document.registerFont("cjk", cjkFontPath);
  document.font("cjk");
  const titles = headings(list);
  const width = document.page.width - 80;
  const weights = titles.map((_, index) =>
    index === 2 ? 2.8 : index === titles.length - 1 ? 2.6 : index === 0 ? 0.8 : 1.3,
  );
  const unit = width / weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => weight * unit);
  const padding = 4;
  const minimumRow = 18;
  // A row is as tall as its tallest cell: long cells ("录取（石岐区第一小学（…）") wrap inside their column.
  const rowHeightOf = (values: (string | number)[]) =>
    Math.max(
      minimumRow,
      ...values.map(
        (value, index) => document.heightOfString(String(value), { width: widths[index] - 4 }) + 2 * padding,
      ),
    );
  const drawRow = (values: (string | number)[], y: number, height: number) => {
    let x = 40;
    values.forEach((value, index) => {
      document.text(String(value), x + 2, y + padding, { width: widths[index] - 4 });
      x += widths[index];
    });
    document
      .moveTo(40, y + height)
      .lineTo(40 + width, y + height)
      .lineWidth(0.3)
      .strokeColor("#999999")
      .stroke();
  };
  const bottom = () => document.page.height - 50;
  const startPage = (first: boolean) => {
    if (first) {
      document.fontSize(15).text(list.title, 40, 40, { width, align: "center" });
      document.fontSize(9).text(periodLine(list), { width, align: "center" });
      document.moveDown(0.8);
    }
    document.fontSize(9);
    const y = first ? document.y : 40;
    const height = rowHeightOf(titles);
    drawRow(titles, y, height);
    return y + height;
  };
  let y = startPage(true);
  for (const entry of entries) {
    const values = cells(list, entry, townNames);
    const height = rowHeightOf(values);
    if (y + height > bottom()) {
      document.addPage();
      y = startPage(false);
    }
    drawRow(values, y, height);
    y += height;
  }
  if (entries.length === 0) document.text("（无条目）", 40, y + 6);
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
