/**
 * The dashboard's indicators under the five goals, as the city expects them. Each names the module that computes
 * it; a module that is installed and declares the indicator id in its manifest fills it, otherwise the dashboard
 * says honestly that it is not yet available (module not installed, or not provided by the module) — never a
 * made-up number.
 */
import type { Bilingual, Goal, IndicatorUnit } from "../../platform/insight/insight";

/** One expected indicator. */
export interface ExpectedIndicator {
  id: string;
  goal: Goal;
  module: string;
  title: Bilingual;
  unit: IndicatorUnit;
}

export const goalTitles: Record<Goal, Bilingual> = {
  livelihood: { zh: "民生", en: "Livelihood" },
  safety: { zh: "平安", en: "Safety" },
  fairness: { zh: "公平", en: "Fairness" },
  vitality: { zh: "活力", en: "Vitality" },
  rule_of_law: { zh: "法治", en: "Rule of law" },
};

export const expectedIndicators: ExpectedIndicator[] = [
  {
    id: "assistance.households",
    goal: "livelihood",
    module: "assistance",
    unit: "households",
    title: { zh: "低保在保户数", en: "Households receiving 低保" },
  },
  {
    id: "assistance.persons",
    goal: "livelihood",
    module: "assistance",
    unit: "people",
    title: { zh: "低保保障人数", en: "Persons covered by 低保" },
  },
  {
    id: "assistance.spend",
    goal: "livelihood",
    module: "assistance",
    unit: "fen",
    title: { zh: "低保发放金额", en: "低保 paid" },
  },
  {
    id: "points.applications",
    goal: "livelihood",
    module: "points",
    unit: "people",
    title: { zh: "积分申请人数", en: "Points applications" },
  },
  {
    id: "points.school_places",
    goal: "livelihood",
    module: "points",
    unit: "people",
    title: { zh: "积分入学学位", en: "School places through points" },
  },
  {
    id: "points.hukou_granted",
    goal: "livelihood",
    module: "points",
    unit: "people",
    title: { zh: "积分入户人数", en: "Hukou transfers through points" },
  },
  {
    id: "tipoffs.received",
    goal: "safety",
    module: "tipoffs",
    unit: "count",
    title: { zh: "收到举报线索", en: "Tip-offs received" },
  },
  {
    id: "tipoffs.verified",
    goal: "safety",
    module: "tipoffs",
    unit: "count",
    title: { zh: "核实举报线索", en: "Tip-offs verified" },
  },
  {
    id: "tipoffs.days_to_verify",
    goal: "safety",
    module: "tipoffs",
    unit: "days",
    title: { zh: "线索平均办结工作日", en: "Working days from report to decision" },
  },
  {
    id: "insight.spend_per_resident",
    goal: "fairness",
    module: "assistance",
    unit: "fen",
    title: { zh: "人均低保支出（按常住人口）", en: "低保 spending per resident" },
  },
  {
    id: "points.migrant_children_public_share",
    goal: "fairness",
    module: "points",
    unit: "percent",
    title: {
      zh: "积分入学申请随迁子女获公办学位比例",
      en: "Migrants' children applying through points who were placed in a public school",
    },
  },
  {
    id: "participation.volunteers",
    goal: "vitality",
    module: "participation",
    unit: "people",
    title: { zh: "参与志愿服务人数（年内有服务时数）", en: "Volunteers who served in the year" },
  },
  {
    id: "participation.volunteer_hours",
    goal: "vitality",
    module: "participation",
    unit: "count",
    title: { zh: "志愿服务时数", en: "Volunteer hours" },
  },
  {
    id: "suggestions.adopted",
    goal: "vitality",
    module: "suggestions",
    unit: "count",
    title: { zh: "采纳金点子", en: "Suggestions adopted" },
  },
  {
    id: "fund.projects",
    goal: "vitality",
    module: "fund",
    unit: "count",
    title: { zh: "创新资金资助项目", en: "Innovation fund projects" },
  },
  {
    id: "approvals.on_time",
    goal: "rule_of_law",
    module: "approvals",
    unit: "percent",
    title: {
      zh: "承诺时限短于法定时限的审批事项占比",
      en: "Approval items promised faster than their statutory limit",
    },
  },
  {
    id: "approvals.items_kept",
    goal: "rule_of_law",
    module: "approvals",
    unit: "count",
    title: { zh: "保留的行政审批事项", en: "Approval items kept in the catalogue" },
  },
  {
    id: "publicity.objections_upheld",
    goal: "rule_of_law",
    module: "publicity",
    unit: "count",
    title: { zh: "公示异议成立件数", en: "Objections upheld" },
  },
  {
    id: "publicity.objections_answered",
    goal: "rule_of_law",
    module: "publicity",
    unit: "count",
    title: { zh: "公示异议答复件数", en: "Objections answered" },
  },
  {
    id: "assistance.decisions_on_time",
    goal: "rule_of_law",
    module: "assistance",
    unit: "percent",
    title: { zh: "低保审批按期率", en: "低保 decisions on time" },
  },
  {
    id: "points.checks_on_time",
    goal: "rule_of_law",
    module: "points",
    unit: "percent",
    title: { zh: "积分部门核查按期率", en: "Points checks on time" },
  },
  {
    id: "coordination.tasks_on_time",
    goal: "rule_of_law",
    module: "coordination",
    unit: "percent",
    title: { zh: "联办任务按期办结率", en: "Joint tasks on time" },
  },
];
