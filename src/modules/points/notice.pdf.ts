/** The result notice (通知书) of an application as a one-page A4 PDF with the CJK font. */
import PDFDocument from "pdfkit";
import { maskIdNumber } from "../../core/masking";
import { formatPoints } from "../../core/points";
import { cjkFontPath } from "../../platform/publicity/publicity.export";
import type { ApplicationResult } from "./allocation";
import { outcomeLabels } from "./commands/ranking";

/** What a notice states. */
export interface NoticeContent {
  year: number;
  purposeLabel: string;
  name: string;
  idNumber: string;
  townName: string;
  total: number;
  grade: string | null;
  childName: string | null;
  result: ApplicationResult;
  schoolName: string | null;
  issuedOn: string;
  runSequence: number;
}

/** Writes the notice PDF. */
export async function noticePdf(content: NoticeContent): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: 60,
    info: { Title: `${content.year}年度${content.purposeLabel}结果通知书`, Creator: "Gongzhi" },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  document.registerFont("cjk", cjkFontPath).font("cjk");
  document.fontSize(18).text(`中山市流动人员${content.purposeLabel}结果通知书`, { align: "center" });
  document.moveDown(0.3).fontSize(11).text(`${content.year}年度`, { align: "center" }).moveDown(1.5);
  const lines: [string, string][] = [
    ["姓名", content.name],
    ["身份证号码", maskIdNumber(content.idNumber)],
    ["申请镇区", content.townName],
    ...(content.childName ? [["子女姓名", content.childName] as [string, string]] : []),
    ...(content.grade
      ? [["年级", content.grade === "primary_1" ? "小学一年级" : "初中一年级"] as [string, string]]
      : []),
    ["积分", formatPoints(content.total)],
    [
      "排名",
      content.result.rank === null
        ? "未排名"
        : `第 ${content.result.rank} 名${content.result.rankScope === "city" ? "（全市）" : ""}`,
    ],
    ["结果", outcomeLabels[content.result.outcome] + (content.result.round === 2 ? "（第二轮）" : "")],
    ...(content.schoolName ? [["安排学校", content.schoolName] as [string, string]] : []),
  ];
  document.fontSize(12);
  for (const [label, value] of lines) document.text(`${label}：${value}`).moveDown(0.4);
  document
    .moveDown(1)
    .fontSize(10)
    .text(
      content.result.outcome === "admitted"
        ? "请持本通知书及有效《广东省居住证》按规定时间到相关部门办理手续。"
        : "本次未获安排。如对结果有疑问，可向所在镇区流动人口服务中心咨询。",
    );
  document
    .moveDown(2)
    .text(`依据：中府〔2014〕106号、中府办〔2014〕50号；排名第 ${content.runSequence} 次运行的正式名单。`);
  document.moveDown(0.5).text(`中山市流动人口管理办公室 ${content.issuedOn}`, { align: "right" });
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
