// Strings of the referrals screen (转介), added to i18next under "assistance.referrals.*" in both languages when
// the module loads.
import i18n from "../../i18n";

const zh: Record<string, string> = {
  "nav.assistanceReferrals": "转介",
  "assistance.referrals.title": "转介到低保的事项",
  "assistance.referrals.hint":
    "服务机构等提出的救助建议经主管部门批准后转入此处，只有镇区低保窗口受理（开立或关联低保案件）才生效；不予受理须说明理由。服务机构不能决定。",
  "assistance.referrals.status.pending": "待受理",
  "assistance.referrals.status.accepted": "已受理",
  "assistance.referrals.status.declined": "不予受理",
  "assistance.referrals.all": "全部",
  "assistance.referrals.receivedOn": "收到日期",
  "assistance.referrals.dueOn": "受理期限",
  "assistance.referrals.source": "转介来源",
  "assistance.referrals.subject": "涉及对象",
  "assistance.referrals.reason": "转介理由",
  "assistance.referrals.outcome": "处理结果",
  "assistance.referrals.open": "受理并开立申请",
  "assistance.referrals.caseNumber": "已有案件编号",
  "assistance.referrals.link": "关联已有案件",
  "assistance.referrals.linkConsequence":
    "关联后转介即生效：该户已在办的低保案件作为受理结果，服务机构的建议记为已受理，不能撤回。",
  "assistance.referrals.declineReason": "不予受理理由",
  "assistance.referrals.decline": "不予受理",
  "assistance.referrals.declineConsequence": "不予受理后转介结束，理由将告知提出建议的一方，不能撤回。",
  "assistance.referrals.fromReferral": "受理转介：{{subject}}（{{source}}）",
  "assistance.referrals.fromReferralHint":
    "请查找该户的登记家庭并填写申请；提交后即受理转介，低保案件与转介在同一事务中生效。理由：{{reason}}",
  "assistance.referrals.empty": "没有转介事项",
};

const en: Record<string, string> = {
  "nav.assistanceReferrals": "Referrals",
  "assistance.referrals.title": "Referrals into assistance",
  "assistance.referrals.hint":
    "Recommendations (for example a vendor's, approved by its department) arrive here; they take effect only when the town's assistance desk accepts them, opening or linking a case. A decline needs its reason. A vendor never decides.",
  "assistance.referrals.status.pending": "Pending",
  "assistance.referrals.status.accepted": "Accepted",
  "assistance.referrals.status.declined": "Declined",
  "assistance.referrals.all": "All",
  "assistance.referrals.receivedOn": "Received",
  "assistance.referrals.dueOn": "Due",
  "assistance.referrals.source": "From",
  "assistance.referrals.subject": "Concerning",
  "assistance.referrals.reason": "Reason",
  "assistance.referrals.outcome": "Outcome",
  "assistance.referrals.open": "Accept and open an application",
  "assistance.referrals.caseNumber": "Open case number",
  "assistance.referrals.link": "Link an open case",
  "assistance.referrals.linkConsequence":
    "Linking makes the referral take effect: the household's open case is its outcome and the recommendation is marked accepted. This cannot be undone.",
  "assistance.referrals.declineReason": "Reason for declining",
  "assistance.referrals.decline": "Decline",
  "assistance.referrals.declineConsequence":
    "Declining ends the referral; the reason is sent to whoever recommended it. This cannot be undone.",
  "assistance.referrals.fromReferral": "Accepting the referral: {{subject}} ({{source}})",
  "assistance.referrals.fromReferralHint":
    "Find the household in the registry and fill in the application; submitting it accepts the referral, the case and the referral taking effect in one transaction. Reason: {{reason}}",
  "assistance.referrals.empty": "No referrals",
};

i18n.addResources("zh-CN", "translation", zh);
i18n.addResources("en", "translation", en);
