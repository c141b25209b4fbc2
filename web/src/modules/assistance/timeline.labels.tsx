// Labels for the case timeline: step names and the keys of their details, in both languages; unknown codes show as they are.
import { Typography } from "antd";
import type { TFunction } from "i18next";
import i18n from "../../i18n";
import { relationships } from "../registry/relationships";
import { fenToYuan } from "./standards.types";

const steps: Record<string, [string, string]> = {
  submitted: ["受理申请", "Application received"],
  investigated: ["入户调查", "Investigation"],
  appraised: ["民主评议", "Democratic appraisal"],
  appraisal_invalid: ["民主评议无效", "Appraisal invalid"],
  town_opinion: ["镇街审核意见", "Town opinion"],
  publicised: ["社区公示", "Community publicity"],
  approved: ["批准", "Approved"],
  refused: ["不予批准", "Refused"],
  appealed: ["申诉", "Appeal filed"],
  appeal_granted: ["申诉成立", "Appeal granted"],
  appeal_dismissed: ["申诉驳回", "Appeal dismissed"],
  withdrawn: ["撤回", "Withdrawn"],
  change_reported: ["报告家庭变化", "Change reported"],
  reviewed: ["定期复核", "Periodic review"],
  adjusted: ["调整保障金", "Amount adjusted"],
  stopped: ["停保", "Stopped"],
  fraud: ["骗保处理", "Fraud handled"],
};

const details: Record<string, [string, string]> = {
  channel: ["受理渠道", "Channel"],
  number: ["案件编号", "Case number"],
  members: ["人数", "Members"],
  townDueOn: ["镇街意见期限", "Town opinion due"],
  homeVisit: ["入户调查", "Home visit"],
  neighbourVisits: ["邻里走访", "Neighbour visits"],
  dataChecks: ["数据核对", "Data checks"],
  present: ["出席", "Present"],
  agree: ["同意", "Agree"],
  minutes: ["会议记录", "Minutes"],
  quorum: ["出席达三分之二", "Quorum"],
  agreed: ["同意达三分之二", "Two-thirds agreed"],
  valid: ["评议有效", "Valid"],
  recommend: ["同意上报", "Recommend"],
  opinion: ["意见", "Opinion"],
  dueOn: ["期限", "Due"],
  late: ["逾期", "Late"],
  listId: ["公示名单", "List"],
  startOn: ["公示开始", "Publicity from"],
  endOn: ["公示结束", "Publicity to"],
  workingDays: ["工作日", "Working days"],
  decisionDueOn: ["审批期限", "Decision due"],
  reason: ["理由", "Reason"],
  change: ["变化类型", "Change"],
  description: ["说明", "Description"],
  findings: ["核查情况", "Findings"],
  nextReviewOn: ["下次复核", "Next review"],
  fromMonth: ["起始月份", "From month"],
  direction: ["方向", "Direction"],
  beforeFen: ["调整前（元）", "Before (yuan)"],
  afterFen: ["调整后（元）", "After (yuan)"],
  revision: ["版本", "Revision"],
  fraudSince: ["骗保起始", "Fraud since"],
  recoverFen: ["追回（元）", "Recovered (yuan)"],
  fineMultiple: ["罚款倍数", "Fine multiple"],
  fineFen: ["罚款（元）", "Fine (yuan)"],
};

const zh: Record<string, string> = {};
const en: Record<string, string> = {};
for (const [code, [zhLabel, enLabel]] of Object.entries(steps)) {
  zh[`assistance.step.${code}`] = zhLabel;
  en[`assistance.step.${code}`] = enLabel;
}
for (const [key, [zhLabel, enLabel]] of Object.entries(details)) {
  zh[`assistance.detail.${key}`] = zhLabel;
  en[`assistance.detail.${key}`] = enLabel;
}
i18n.addResources("zh-CN", "translation", zh);
i18n.addResources("en", "translation", en);

/** A label with its code after it in small grey text, so staff read the label and support still sees the code. */
export function CodeLabel({ label, code }: { label: string; code: string }) {
  if (label === code) return <>{code}</>;
  return (
    <>
      {label}{" "}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {code}
      </Typography.Text>
    </>
  );
}

/** A timeline step's label ("town_opinion" → 镇街审核意见) with its code in grey; unknown steps show their code. */
export function stepLabel(kind: string, t: TFunction): string {
  return kind in steps ? t(`assistance.step.${kind}`) : kind;
}

/** A step's plain details as "label: value" pairs; amounts in fen become yuan, yes/no flags become words. */
export function describeDetails(values: Record<string, unknown>, t: TFunction): string {
  return Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== "object")
    .map(([key, value]) => {
      const label = key in details ? t(`assistance.detail.${key}`) : key;
      const shown =
        typeof value === "boolean"
          ? t(value ? "assistance.yes" : "assistance.no")
          : key.endsWith("Fen") && typeof value === "number"
            ? fenToYuan(value)
            : String(value);
      return `${label}: ${shown}`;
    })
    .join("；");
}

/** A household relationship's label from the registry's list ("head" → 户主); unknown codes show as they are. */
export function relationshipLabel(code: string, t: TFunction): string {
  return (relationships as readonly string[]).includes(code) ? t(`relationship.${code}`, { defaultValue: code }) : code;
}
