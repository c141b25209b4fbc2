/** The dashboard as an XLSX workbook: one row per indicator with the city and each 镇区, then the monthly trends. */
import ExcelJS from "exceljs";
import { spreadsheetRow } from "../../core/spreadsheet";
import { goalTitles } from "./catalogue";
import type { DashboardIndicator } from "./dashboard";

const statusText = {
  available: "",
  module_not_installed: "暂无数据（模块未安装）",
  not_provided: "暂无数据（模块未提供）",
};

/** Writes the workbook. */
export async function dashboardXlsx(
  year: number,
  indicators: DashboardIndicator[],
  townNames: Map<string, string>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${year}年指标`);
  const towns = [...new Set(indicators.flatMap((indicator) => indicator.towns.map((row) => row.townCode)))].sort();
  sheet.addRow(
    spreadsheetRow(["目标", "指标", "单位", "状态", "全市/合计", ...towns.map((code) => townNames.get(code) ?? code)]),
  );
  for (const indicator of indicators) {
    const byTown = new Map(indicator.towns.map((row) => [row.townCode, row.value]));
    sheet.addRow(
      spreadsheetRow([
        goalTitles[indicator.goal].zh,
        indicator.title.zh,
        indicator.unit,
        statusText[indicator.status],
        indicator.city,
        ...towns.map((code) => byTown.get(code) ?? null),
      ]),
    );
  }
  const trends = workbook.addWorksheet("月度趋势");
  trends.addRow(spreadsheetRow(["指标", ...Array.from({ length: 12 }, (_, index) => `${index + 1}月`)]));
  for (const indicator of indicators.filter((item) => item.monthly)) {
    const byMonth = new Map(indicator.monthly!.map((row) => [row.month, row.value]));
    trends.addRow(
      spreadsheetRow([indicator.title.zh, ...Array.from({ length: 12 }, (_, index) => byMonth.get(index + 1) ?? null)]),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
