/**
 * The printable monthly report (月度指标报告) as an A4 PDF with the CJK font: for each of the five goals, every
 * indicator's figure for the year to date and for the month where the module gives a monthly trend, then the
 * figures per 镇区. Built from the same computed indicators as the dashboard, never from hand-kept numbers.
 */
import PDFDocument from "pdfkit";
import { goals, type IndicatorUnit } from "../../platform/insight/insight";
import { cjkFontPath } from "../../platform/publicity/publicity.export";
import { goalTitles } from "./catalogue";
import type { DashboardIndicator } from "./dashboard";

/** A figure as a reader expects it: yuan for fen, a percent for hundredths of a percent. */
export function formatFigure(value: number | string | null, unit: IndicatorUnit): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  if (unit === "fen")
    return `${(value / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  if (unit === "percent") return `${(value / 100).toFixed(2)}%`;
  if (unit === "days") return `${value.toLocaleString("zh-CN", { maximumFractionDigits: 1 })} 个工作日`;
  const suffix = unit === "people" ? " 人" : unit === "households" ? " 户" : "";
  return `${value.toLocaleString("zh-CN")}${suffix}`;
}

const statusText = {
  available: "",
  module_not_installed: "暂无数据（模块未安装）",
  not_provided: "暂无数据（模块未提供）",
};

/** What the report covers. */
export interface ReportScope {
  year: number;
  month: number;
  /** The 镇区's name when the report is for one 镇区. */
  townName: string | null;
  /** When the report was made (ISO date). */
  madeOn: string;
}

/** Writes the monthly report PDF. */
export async function monthlyReportPdf(
  scope: ReportScope,
  indicators: DashboardIndicator[],
  townNames: Map<string, string>,
): Promise<Buffer> {
  const title = `${scope.townName ?? "中山市"}社会治理指标月报`;
  const document = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Creator: "Gongzhi" } });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  document.registerFont("cjk", cjkFontPath).font("cjk");
  document.fontSize(18).text(title, { align: "center" });
  document
    .moveDown(0.3)
    .fontSize(11)
    .text(`${scope.year}年${scope.month}月 · 本年累计至${scope.month}月 · 生成于 ${scope.madeOn}`, { align: "center" });
  document
    .moveDown(0.3)
    .fontSize(9)
    .text("数据由各模块的实时业务数据按统一口径计算；“暂无数据”表示该模块尚未接入。", { align: "center" });
  goals.forEach((goal, goalIndex) => {
    document.moveDown(0.8).fontSize(13).text(`${"一二三四五"[goalIndex]}、${goalTitles[goal].zh}`);
    document.moveDown(0.2).fontSize(10.5);
    for (const indicator of indicators.filter((item) => item.goal === goal)) {
      if (indicator.status !== "available") {
        document.text(`${indicator.title.zh}：${statusText[indicator.status]}`);
        continue;
      }
      const month = indicator.monthly?.find((row) => row.month === scope.month);
      const monthText = month ? `；${scope.month}月 ${formatFigure(month.value, indicator.unit)}` : "";
      document.text(`${indicator.title.zh}：本年 ${formatFigure(indicator.city, indicator.unit)}${monthText}`);
    }
  });
  const perTown = indicators.filter((indicator) => indicator.status === "available" && indicator.towns.length > 0);
  if (perTown.length > 0) {
    document.addPage().fontSize(13).text("附：各镇区数据（本年）");
    document.moveDown(0.3).fontSize(9.5);
    for (const indicator of perTown) {
      document.moveDown(0.3).fontSize(10.5).text(indicator.title.zh).fontSize(9.5);
      document.text(
        indicator.towns
          .map((row) => `${townNames.get(row.townCode) ?? row.townCode} ${formatFigure(row.value, indicator.unit)}`)
          .join("；"),
      );
    }
  }
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
