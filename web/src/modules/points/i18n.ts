// The points module's UI strings, registered as an i18next bundle so both languages keep the same keys.
import i18n from "i18next";

const zh = {
  nav: { counter: "积分窗口受理", selfCheck: "积分自测", myPoints: "我的积分", queue: "积分核查", cycles: "积分周期与排名", lists: "积分公示名单", deductions: "扣分事项登记" },
  points: {
    deductionLead: "公安部门报送行政拘留、刑事处罚，卫生计生部门报送政策外生育；提交后积分立即按计分标准扣减，并通知本人。", deductionKind: "扣分事项", occurredOn: "发生日期", deductionReference: "理由及文书编号", deductionSubmit: "登记并扣分", deductionDone: "已登记，积分已更新", appliedOn: "生效日期", deductionNoApplication: "该人员暂无积分申请；扣分已记入其积分档案，以后的申请按新积分计算。",
    town: "申请镇区", grade: "入学年级", primary_1: "小学一年级", junior_1: "初中一年级", date: "申请日期", calculate: "计算积分",
    total: "总积分", threshold: "申请门槛", eligible: "达到门槛", notEligible: "未达门槛", indicator: "指标", points: "分值", rule: "计算规则", clause: "依据",
    school: "积分入学", housing: "积分承租公租房", hukou: "积分入户", selfCheckLead: "填写您的情况，立即看到三类申请的积分和每一项的计分依据。本页不保存任何信息。",
    insurance: "广东省内参保年限（养老）", insuranceZhongshan: "其中在中山参保年限（养老）", residencePermit: "办理居住证年限", ownsHousing: "在中山拥有合法房产",
    enrol: "申请纳入积分制管理", permit: "居住证号", workStartedOn: "在中山开始工作日期", notEnrolled: "您尚未纳入积分制管理。", facts: "申报的指标", value: "值",
    status: "状态", evidence: "证明材料", applications: "我的申请", history: "积分变化", result: "结果", rank: "排名", messages: "通知", notice: "下载通知书",
    apply: "提交申请", cycle: "申请周期", purpose: "申请类别", childName: "子女姓名", childId: "子女身份证号", declare: "申报指标", fact: "指标", upload: "上传证明",
    insurancePaid: "申请上月在中山缴纳社保", workMonths: "连续合法就业月数", ownsHome: "在中山有自有住房", homeX: "居住地坐标 X（米）", homeY: "居住地坐标 Y（米）",
    queueFacts: "待核查指标", queueObjections: "异议", due: "期限", overdue: "已逾期", confirm: "核实确认", send: "转部门核查", decide: "核查结论",
    confirmed: "确认", corrected: "更正", rejected: "不予认定", reason: "理由", department: "核查部门", runs: "排名运行", run: "运行排名", publish: "公示",
    finalise: "正式公布", sequence: "次序", inputHash: "输入摘要", resultHash: "结果摘要", quotas: "指标", places: "名额", synthetic: "合成数据", window: "申请期",
    lists: "公示名单", version: "版本", period: "公示期", search: "搜索姓名或排名", exportXlsx: "导出 XLSX", exportPdf: "导出 PDF", entries: "条", name: "姓名", idNumber: "身份证号码",
    saved: "已保存", none: "无", objection: "提出异议", openCase: "打开积分档案", refusePlacement: "放弃安排", year: "年度", housingUnits: "公租房套数", createCycle: "新建周期", importQuotas: "导入指标（CSV/XLSX）", indicatorName: "异议指标（指标代码，如 education）", publicised: "公示中", final: "正式公布", superseded: "已被新版本取代",
    runStatus: { completed: "已完成，待发布", published: "公示中", final: "已正式公布", superseded: "已被新运行取代" },
  },
};

const en = {
  nav: { counter: "Points counter", selfCheck: "Points self-check", myPoints: "My points", queue: "Points verification", cycles: "Cycles and ranking", lists: "Points publicity lists", deductions: "Deduction events" },
  points: {
    deductionLead: "Police report detentions and criminal penalties, the health bureau out-of-policy births; the score is reduced at once and the resident is told why.", deductionKind: "Deduction event", occurredOn: "Occurred on", deductionReference: "Reason and document number", deductionSubmit: "Record and deduct", deductionDone: "Recorded; the score is updated", appliedOn: "Applied on", deductionNoApplication: "This person has no application yet; the deduction is on their file and counts in future applications.",
    town: "Town", grade: "Grade", primary_1: "Primary grade 1", junior_1: "Junior grade 1", date: "Application date", calculate: "Calculate",
    total: "Total", threshold: "Threshold", eligible: "Reaches the threshold", notEligible: "Below the threshold", indicator: "Indicator", points: "Points", rule: "Rule", clause: "Clause",
    school: "School place", housing: "Public rental housing", hukou: "Hukou transfer", selfCheckLead: "Fill in your situation to see your points for each purpose with every indicator explained. Nothing is stored.",
    insurance: "Years insured in Guangdong (pension)", insuranceZhongshan: "of which in Zhongshan (pension)", residencePermit: "Years with a residence permit", ownsHousing: "Owns qualifying housing in Zhongshan",
    enrol: "Enrol in the points scheme", permit: "Residence permit number", workStartedOn: "Started working in Zhongshan on", notEnrolled: "You are not enrolled yet.", facts: "Declared facts", value: "Value",
    status: "Status", evidence: "Evidence", applications: "My applications", history: "Score history", result: "Result", rank: "Rank", messages: "Messages", notice: "Download the notice",
    apply: "Apply", cycle: "Cycle", purpose: "Purpose", childName: "Child's name", childId: "Child's ID number", declare: "Declare", fact: "Fact", upload: "Upload evidence",
    insurancePaid: "Insurance paid in Zhongshan last month", workMonths: "Months of continuous work", ownsHome: "Owns a home in Zhongshan", homeX: "Home X (m)", homeY: "Home Y (m)",
    queueFacts: "Facts to check", queueObjections: "Objections", due: "Due", overdue: "Overdue", confirm: "Confirm", send: "Send to department", decide: "Decision",
    confirmed: "Confirmed", corrected: "Corrected", rejected: "Rejected", reason: "Reason", department: "Department", runs: "Ranking runs", run: "Run the ranking", publish: "Publish",
    finalise: "Publish the final list", sequence: "No.", inputHash: "Input hash", resultHash: "Result hash", quotas: "Quotas", places: "Places", synthetic: "Synthetic", window: "Window",
    lists: "Lists", version: "Version", period: "Publicity period", search: "Search name or rank", exportXlsx: "Export XLSX", exportPdf: "Export PDF", entries: "entries", name: "Name", idNumber: "ID number",
    saved: "Saved", none: "None", objection: "Raise an objection", openCase: "Open the case file", refusePlacement: "Refuse the placement", year: "Year", housingUnits: "Rental units", createCycle: "Open a cycle", importQuotas: "Import quotas (CSV/XLSX)", indicatorName: "Contested indicator (code, e.g. education)", publicised: "Publicised", final: "Final", superseded: "Superseded",
    runStatus: { completed: "Completed, not yet published", published: "Published for publicity", final: "Final", superseded: "Superseded by a later run" },
  },
};

function addBundles(): void {
  i18n.addResourceBundle("zh-CN", "translation", zh, true, false);
  i18n.addResourceBundle("en", "translation", en, true, false);
}

/** Adds the points strings to both languages (deep merge, existing keys kept), now or once i18next is initialised. */
export function registerPointsStrings(): void {
  if (i18n.isInitialized) addBundles();
  else i18n.on("initialized", addBundles);
}
