/** The minutes of a joint meeting (联席会议纪要) as an A4 PDF with the CJK font: attendance, agenda, decisions, action items. */
import PDFDocument from "pdfkit";
import { cjkFontPath } from "../../platform/publicity/publicity.export";
import type { MeetingRecord } from "./repository";

/** Writes the minutes PDF of a meeting. */
export async function minutesPdf(meeting: MeetingRecord, names: Map<string, string>): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `${meeting.title} 会议纪要`, Creator: "Gongzhi" },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  const department = (code: string) => names.get(code) ?? code;
  document.registerFont("cjk", cjkFontPath).font("cjk");
  document.fontSize(18).text(`${meeting.title}`, { align: "center" });
  document.moveDown(0.3).fontSize(11).text(`会议纪要 ${meeting.number} · ${meeting.held_on}`, { align: "center" });
  if (meeting.synthetic) document.fontSize(9).text("（演示数据，虚构）", { align: "center" });
  document.moveDown(1);
  const heading = (text: string) => document.moveDown(0.6).fontSize(13).text(text).moveDown(0.2).fontSize(10.5);
  heading("一、出席情况");
  const present = meeting.attendees.filter((attendee) => attendee.present);
  const absent = meeting.attendees.filter((attendee) => !attendee.present);
  document.text(`出席：${present.map((a) => `${department(a.departmentCode)} ${a.name}`).join("；") || "—"}`);
  if (absent.length)
    document.text(`缺席：${absent.map((a) => `${department(a.departmentCode)} ${a.name}`).join("；")}`);
  heading("二、议程（逾期及升级事项）");
  if (meeting.agenda.length === 0) document.text("无");
  meeting.agenda.forEach((item, index) =>
    document.text(
      `${index + 1}. ${item.task.caseNumber ?? ""} ${department(item.task.department_code)}：${item.task.description}（期限 ${item.task.due_on}，${item.reason === "escalated" ? "已升级" : "逾期"}）`,
    ),
  );
  heading("三、会议纪要");
  document.text(meeting.minutes || "—");
  heading("四、议定事项");
  if (meeting.decisions.length === 0) document.text("无");
  meeting.decisions.forEach((decision, index) => document.text(`${index + 1}. ${decision}`));
  heading("五、交办事项");
  if (meeting.actionItems.length === 0) document.text("无");
  meeting.actionItems.forEach((task, index) =>
    document.text(
      `${index + 1}. ${department(task.department_code)}：${task.description}（${task.working_days}个工作日内，${task.due_on}前办结）`,
    ),
  );
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
