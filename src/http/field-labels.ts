/**
 * The names a person reads for the fields of request bodies, in both languages: the one place that turns a
 * schema path such as `members.0.monthlyIncomeYuan` into "第1位成员的月收入" (member 1's monthly income).
 * Keys are property names as the API spells them; a name used by several modules means the same thing in each.
 */

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

const label = (zh: string, en: string): Bilingual => ({ zh, en });

/** Property name → label. Add a line when a form meets a schema message for a field not listed here. */
export const fieldLabels: Record<string, Bilingual> = {
  // people and households
  name: label("姓名", "name"),
  idNumber: label("身份证号码", "ID number"),
  phone: label("手机号码", "phone number"),
  contactPhone: label("联系电话", "contact phone"),
  email: label("电子邮箱", "email"),
  address: label("地址", "address"),
  townCode: label("镇区", "town"),
  town: label("镇区", "town"),
  communityId: label("社区", "community"),
  hukouType: label("户籍类型", "hukou type"),
  householdId: label("家庭", "household"),
  headPersonId: label("户主", "head of household"),
  personId: label("人员", "person"),
  residencePermitNumber: label("居住证号码", "residence permit number"),
  workStartedOn: label("来中山工作的日期", "date work started in Zhongshan"),
  // accounts
  username: label("用户名", "user name"),
  password: label("密码", "password"),
  displayName: label("显示名称", "display name"),
  roles: label("角色", "roles"),
  role: label("角色", "role"),
  departmentCode: label("部门", "department"),
  // points
  cycleId: label("年度周期", "cycle"),
  enrolmentId: label("积分登记", "enrolment"),
  purpose: label("申请用途", "purpose"),
  child: label("子女", "child"),
  grade: label("年级", "grade"),
  attended: label("已就读学段", "schooling so far"),
  home: label("居住地点", "home location"),
  x: label("横坐标", "X coordinate"),
  y: label("纵坐标", "Y coordinate"),
  propertyKey: label("房产证号", "property certificate number"),
  householdKey: label("家庭编号", "household key"),
  conditions: label("申请条件", "conditions"),
  insurancePaidLastMonth: label("上月社保缴费情况", "insurance paid last month"),
  continuousWorkMonths: label("连续工作月数", "months of continuous work"),
  ownsHomeInZhongshan: label("在中山是否有住房", "owns a home in Zhongshan"),
  lastOutOfPolicyBirthOn: label("最近一次政策外生育日期", "date of the last out-of-policy birth"),
  facts: label("申报的情况", "facts"),
  // the points facts a self-check or declaration names (facts.education, …)
  education: label("文化程度", "education"),
  qualification: label("职业资格或专业技术资格", "qualification"),
  residence_permit_years: label("居住证年限", "years of residence permit"),
  insurance_years_guangdong: label("在广东缴纳社保年限", "years of insurance in Guangdong"),
  insurance_years_zhongshan: label("在中山缴纳社保年限", "years of insurance in Zhongshan"),
  pension: label("养老保险", "pension insurance"),
  volunteer_hours: label("志愿服务时长", "volunteer hours"),
  value: label("填写的值", "value"),
  fileIds: label("证明材料", "evidence files"),
  file: label("文件", "file"),
  sendToDepartment: label("是否送部门核查", "send to the department"),
  decision: label("处理决定", "decision"),
  reason: label("理由", "reason"),
  kind: label("类别", "kind"),
  occurredOn: label("发生日期", "date it happened"),
  reference: label("文书编号", "reference"),
  year: label("年度", "year"),
  opensOn: label("开始日期", "opening date"),
  closesOn: label("截止日期", "closing date"),
  quotasDueOn: label("指标公布日期", "date quotas are due"),
  housingUnits: label("公租房套数", "housing units"),
  policyId: label("政策版本", "policy version"),
  indicator: label("指标", "indicator"),
  date: label("日期", "date"),
  // assistance (低保)
  workCapacity: label("劳动能力", "work capacity"),
  seriousIllness: label("重病情况", "serious illness"),
  assetsYuan: label("家庭财产（元）", "household assets (yuan)"),
  secondHome: label("第二套住房", "second home"),
  vehicle: label("机动车", "vehicle"),
  bankAccount: label("银行账号", "bank account"),
  payeeName: label("收款人姓名", "payee name"),
  members: label("成员", "members"),
  monthlyIncomeYuan: label("月收入（元）", "monthly income (yuan)"),
  categories: label("类别", "categories"),
  submittedOn: label("申请日期", "application date"),
  homeVisit: label("入户调查", "home visit"),
  neighbourVisits: label("邻里走访", "neighbour visits"),
  dataChecks: label("数据核对", "data checks"),
  by: label("调查人", "visited by"),
  on: label("日期", "date"),
  findings: label("调查情况", "findings"),
  source: label("数据来源", "source"),
  heldOn: label("评议日期", "date held"),
  present: label("出席人数", "members present"),
  agree: label("同意人数", "votes in favour"),
  minutes: label("会议记录", "minutes"),
  givenOn: label("意见日期", "date of the opinion"),
  recommend: label("是否推荐", "recommendation"),
  opinion: label("意见", "opinion"),
  startOn: label("开始日期", "start date"),
  decidedOn: label("决定日期", "decision date"),
  version: label("版本号", "version"),
  month: label("月份", "month"),
  fromMonth: label("起始月份", "first month"),
  effectiveFrom: label("生效日期", "effective from"),
  perCapitaConsumptionYuan: label("人均消费支出（元）", "per-capita consumption (yuan)"),
  cpiPercent: label("物价指数涨幅（%）", "CPI change (%)"),
  foodPercent: label("食品价格涨幅（%）", "food price change (%)"),
  releasedOn: label("发布日期", "release date"),
  note: label("备注", "note"),
  // participation, suggestions, consultations, tip-offs, services, fund, coordination
  title: label("标题", "title"),
  summary: label("摘要", "summary"),
  description: label("说明", "description"),
  body: label("正文", "text"),
  text: label("内容", "text"),
  answer: label("答复", "answer"),
  response: label("答复", "response"),
  category: label("类别", "category"),
  categoryCode: label("类别", "category"),
  place: label("地点", "place"),
  startsAt: label("开始时间", "start time"),
  endsAt: label("结束时间", "end time"),
  startsOn: label("开始日期", "start date"),
  endsOn: label("结束日期", "end date"),
  capacity: label("名额", "capacity"),
  hours: label("时长（小时）", "hours"),
  happenedOn: label("发生日期", "date"),
  latitude: label("纬度", "latitude"),
  longitude: label("经度", "longitude"),
  receiptCode: label("回执码", "receipt code"),
  creditCode: label("统一社会信用代码", "credit code"),
  legalRepresentative: label("法定代表人", "legal representative"),
  budgetYuan: label("预算（元）", "budget (yuan)"),
  requestedYuan: label("申请金额（元）", "amount requested (yuan)"),
  grantedYuan: label("资助金额（元）", "amount granted (yuan)"),
  priceYuan: label("报价（元）", "price (yuan)"),
  spentYuan: label("支出（元）", "spent (yuan)"),
  paidYuan: label("已付（元）", "paid (yuan)"),
  applicantName: label("申请人", "applicant"),
  applicantType: label("申请人类型", "applicant type"),
  bidsCloseOn: label("投标截止日期", "bids close on"),
  applicationsCloseOn: label("申报截止日期", "applications close on"),
  signedOn: label("签订日期", "signing date"),
  plan: label("计划", "plan"),
  score: label("评分", "score"),
  scores: label("评分", "scores"),
  outcome: label("结果", "outcome"),
  tasks: label("任务", "tasks"),
  attendees: label("参会人员", "attendees"),
  q: label("搜索内容", "search text"),
  label: label("用途", "label"),
  code: label("代码", "code"),
};

/** Array properties whose items a person counts: "第{n}位成员" (member {n}). Others read "{label}第{n}项". */
const itemLabels: Record<string, { zh: (n: number) => string; en: (n: number) => string }> = {
  members: { zh: (n) => `第${n}位成员`, en: (n) => `member ${n}` },
  neighbourVisits: { zh: (n) => `第${n}次邻里走访`, en: (n) => `neighbour visit ${n}` },
  dataChecks: { zh: (n) => `第${n}项数据核对`, en: (n) => `data check ${n}` },
  fileIds: { zh: (n) => `第${n}个证明材料`, en: (n) => `evidence file ${n}` },
  schools: { zh: (n) => `第${n}所学校`, en: (n) => `school ${n}` },
};

/**
 * The label of a dotted path (`members.0.monthlyIncomeYuan` → 第1位成员的月收入（元） / monthly income (yuan) of
 * member 1), or null when a part of it has no label (the message then speaks of "this field").
 */
export function labelOfPath(path: string): Bilingual | null {
  const parts = path.split(".").filter(Boolean);
  if (parts.length === 0) return null;
  const zh: string[] = [];
  const en: string[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      const item = itemLabels[part];
      const base = fieldLabels[part];
      if (item) {
        zh.push(item.zh(n));
        en.push(item.en(n));
      } else if (base) {
        zh.push(`${base.zh}第${n}项`);
        en.push(`${base.en} ${n}`);
      } else return null;
      index += 1;
      continue;
    }
    if (/^\d+$/.test(part)) return null;
    if (part === "facts" && index + 1 < parts.length) continue; // "facts.education" reads 文化程度
    const base = fieldLabels[part];
    if (!base) return null;
    zh.push(base.zh);
    en.push(base.en);
  }
  return { zh: zh.join("的"), en: en.reverse().join(" of ") };
}
