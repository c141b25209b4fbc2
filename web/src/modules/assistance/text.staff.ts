// Strings of the staff's case actions and the standards page, added to i18next under "assistance.action.*"
// and "assistance.standard.*" in both languages when the module loads.
import i18n from "../../i18n";

const zh: Record<string, string> = {
  "nav.assistanceStandards": "低保标准",
  "assistance.action.title": "在保管理",
  "assistance.action.review": "定期复核",
  "assistance.action.reviewedOn": "复核日期",
  "assistance.action.findings": "复核情况",
  "assistance.action.adjust": "调整保障（增发/减发）",
  "assistance.action.adjustHint": "按调整后的家庭成员收入及财产重新核算，从所选月份起执行；增发或减发由核算结果决定，理由将告知家庭。",
  "assistance.action.fromMonth": "执行月份",
  "assistance.action.reason": "理由",
  "assistance.action.stop": "停保",
  "assistance.action.stopHint": "从所选月份起停止发放，须书面说明理由。",
  "assistance.action.fraud": "骗保处理",
  "assistance.action.fraudHint": "停保，追回自所选月份起已发放的全部款项，并处追回金额 1 至 3 倍的罚款。",
  "assistance.action.fraudSince": "骗取起始月份",
  "assistance.action.stopFrom": "停保月份",
  "assistance.action.fineMultiple": "罚款倍数",
  "assistance.action.appealDecision": "申诉处理",
  "assistance.action.outcome": "处理结果",
  "assistance.action.granted": "申诉成立（恢复审批）",
  "assistance.action.dismissed": "驳回申诉",
  "assistance.action.decidedOn": "处理日期",
  "assistance.action.none": "当前状态没有可办理的事项。",
  "assistance.action.stopMonth": "停发月份",
  "assistance.action.appealDue": "申诉期限",
};

const en: Record<string, string> = {
  "nav.assistanceStandards": "Assistance standards",
  "assistance.action.title": "Case management",
  "assistance.action.review": "Periodic review",
  "assistance.action.reviewedOn": "Reviewed on",
  "assistance.action.findings": "Findings",
  "assistance.action.adjust": "Adjust (increase / reduce)",
  "assistance.action.adjustHint": "The household is recomputed from the new incomes and assets from the chosen month; the result decides whether it is an increase or a reduction. The household receives the reason.",
  "assistance.action.fromMonth": "From month",
  "assistance.action.reason": "Reason",
  "assistance.action.stop": "Stop",
  "assistance.action.stopHint": "Payments stop from the chosen month; a written reason is required.",
  "assistance.action.fraud": "Record fraud",
  "assistance.action.fraudHint": "Stops the case, recovers every payment since the chosen month and fines 1 to 3 times the amount recovered.",
  "assistance.action.fraudSince": "Fraud since",
  "assistance.action.stopFrom": "Stop from",
  "assistance.action.fineMultiple": "Fine multiple",
  "assistance.action.appealDecision": "Decide the appeal",
  "assistance.action.outcome": "Outcome",
  "assistance.action.granted": "Granted (case approved)",
  "assistance.action.dismissed": "Dismissed",
  "assistance.action.decidedOn": "Decided on",
  "assistance.action.none": "Nothing to do in this state.",
  "assistance.action.stopMonth": "Stopped from",
  "assistance.action.appealDue": "Appeal until",
};

i18n.addResources("zh-CN", "translation", zh);
i18n.addResources("en", "translation", en);
