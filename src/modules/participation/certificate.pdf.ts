/** A volunteer-service certificate (志愿服务证明) as a one-page A4 PDF with the CJK font the notices use. */
import PDFDocument from "pdfkit";
import { maskIdNumber } from "../../core/masking";
import { cjkFontPath } from "../../platform/publicity/publicity.export";
import { formatHours } from "./hours";

/** Chinese names of the categories and places. */
export const categoryLabels: Record<string, string> = {
  general: "一般志愿服务",
  anti_drug: "禁毒宣传",
  online_civility: "网络文明",
  safety_publicity: "安全生产宣传",
};
export const placeLabels: Record<string, string> = { zhongshan: "中山市", guangdong_other: "省内其他地市" };

/** What a certificate states. */
export interface CertificateContent {
  name: string;
  idNumber: string;
  year: number | null;
  rows: { year: number; category: string; place: string; hundredths: number }[];
  issuedOn: string;
  entryCount: number;
}

/** Writes the certificate PDF. */
export async function certificatePdf(content: CertificateContent): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: 60,
    info: { Title: "志愿服务时长证明", Creator: "Gongzhi" },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  document.registerFont("cjk", cjkFontPath).font("cjk");
  document.fontSize(20).text("志愿服务时长证明", { align: "center" }).moveDown(1.5);
  const total = content.rows.reduce((sum, row) => sum + row.hundredths, 0);
  const period = content.year === null ? "历年累计" : `${content.year}年度`;
  document
    .fontSize(12)
    .text(`姓名：${content.name}`)
    .moveDown(0.4)
    .text(`身份证号码：${maskIdNumber(content.idNumber)}`)
    .moveDown(0.4)
    .text(`统计期间：${period}`)
    .moveDown(0.4)
    .text(`经组织者确认的志愿服务时长合计：${formatHours(total)} 小时`)
    .moveDown(1);
  document.fontSize(11).text("明细（年度 / 类别 / 服务地）：").moveDown(0.4);
  for (const row of content.rows) {
    document
      .text(
        `${row.year}年    ${categoryLabels[row.category] ?? row.category}    ${placeLabels[row.place] ?? row.place}    ${formatHours(row.hundredths)} 小时`,
      )
      .moveDown(0.2);
  }
  if (content.rows.length === 0) document.text("（无记录）");
  document
    .moveDown(1.5)
    .fontSize(10)
    .text(
      `本证明依据志愿服务时长台账（${content.entryCount} 条记录，含冲销更正）生成；中山市以外的时长来自广东省志愿服务平台导入。`,
    )
    .moveDown(0.4)
    .text(`出具日期：${content.issuedOn}`, { align: "right" });
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
