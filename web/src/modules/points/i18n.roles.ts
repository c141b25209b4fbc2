// Strings of the points screens for each role (issue 15): confirmations naming the consequence, the verifier's
// pages, notifications, the counter's offer to enrol. Registered beside i18n.ts, into the same keys.
import i18n from "i18next";

const zh = {
  nav: { verifierCase: "积分核查 · 申请人档案" },
  points: {
    chooseValue: "请选择",
    chooseIndicator: "请选择有异议的指标",
    whose: "申请人",
    answer: "答复",
    answerPlaceholder: "写明核查结论及理由，答复将告知提出人并随名单公布",
    answerRequired: "请先写明答复",
    upheld: "异议成立",
    rejectedObjection: "异议不成立",
    upholdConsequence:
      "确认异议成立：答复将告知提出人并随名单公布，不能撤回。如需更正积分，请同时在上方更正相关事实，再由管理员重新排名。",
    rejectConsequence: "确认异议不成立：答复将告知提出人并随名单公布，不能撤回。",
    decideConsequence: {
      confirmed: "确认后该事实按申报的值计分，申请人的积分随即重新计算并通知本人，不能撤回。",
      corrected: "按更正后的值（{{value}}）计分，申请人的积分随即重新计算并通知本人，不能撤回。",
      rejected: "不予认定后该事实不再计分，申请人的积分随即重新计算并通知本人，不能撤回。",
    },
    correctedValue: "更正后的值",
    reasonRequired: "请写明核查理由",
    myObjections: "我提出的异议",
    objectionStatus: {
      received: "已受理，待转交",
      forwarded: "核查部门办理中",
      upheld: "异议成立",
      rejected: "异议不成立",
    },
    notifications: "通知",
    noNotifications: "暂无通知",
    openLink: "下载通知书",
    breakdown: "积分明细",
    breakdownEmpty: "暂无计分项目",
    notEnrolledPerson: "该人员尚未纳入积分制管理",
    offerEnrol: "请在下方填写居住证号和工作起始日期，为其办理积分登记。",
    enrolHere: "为其办理积分登记",
    noLists: "暂无积分公示名单",
  },
};

const en = {
  nav: { verifierCase: "Points verification · Applicant file" },
  points: {
    chooseValue: "Choose",
    chooseIndicator: "Choose the contested indicator",
    whose: "Applicant",
    answer: "Answer",
    answerPlaceholder: "The finding and its reason; the person who objected is told, and it is published with the list",
    answerRequired: "Write the answer first",
    upheld: "Objection upheld",
    rejectedObjection: "Objection rejected",
    upholdConsequence:
      "The objection is upheld: the person who raised it is told and the answer is published with the list; this cannot be undone. To change the score, correct the fact above too, then the admin ranks again.",
    rejectConsequence:
      "The objection is rejected: the person who raised it is told and the answer is published with the list; this cannot be undone.",
    decideConsequence: {
      confirmed:
        "The fact counts as declared; the applicant's score is recalculated at once and they are told. This cannot be undone.",
      corrected:
        "The fact counts with the corrected value ({{value}}); the applicant's score is recalculated at once and they are told. This cannot be undone.",
      rejected:
        "The fact no longer counts; the applicant's score is recalculated at once and they are told. This cannot be undone.",
    },
    correctedValue: "Corrected value",
    reasonRequired: "Give the reason of the check",
    myObjections: "My objections",
    objectionStatus: {
      received: "Received, to be forwarded",
      forwarded: "Being checked by the department",
      upheld: "Upheld",
      rejected: "Rejected",
    },
    notifications: "Notifications",
    noNotifications: "No notifications",
    openLink: "Download the notice",
    breakdown: "Score breakdown",
    breakdownEmpty: "No scored items yet",
    notEnrolledPerson: "This person is not enrolled in the points scheme",
    offerEnrol: "Fill in the residence permit number and the date work started below to enrol them.",
    enrolHere: "Enrol them",
    noLists: "No points lists published yet",
  },
};

function addBundles(): void {
  i18n.addResourceBundle("zh-CN", "translation", zh, true, false);
  i18n.addResourceBundle("en", "translation", en, true, false);
}

/** Adds these strings to both languages (deep merge), now or once i18next is initialised. */
export function registerPointsRoleStrings(): void {
  if (i18n.isInitialized) addBundles();
  else i18n.on("initialized", addBundles);
}
