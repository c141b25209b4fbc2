import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { pointsIndicators, pointsOpenData } from "./insight";
import { roles } from "../../platform/roles";
import { pointsDeadlines } from "./deadlines";
import { publishJob, rankingJob } from "./jobs";
import { seedPoints } from "./points.seed";
import { pointsRoutes } from "./routes";
import { onPersonFactsChanged } from "../../platform/facts/person-facts";
import { rescorePerson } from "./commands/scores";
import { deductionKinds } from "./commands/deduction";
import { verifierDepartments } from "../../platform/publicity/publicity.policy";

// Volunteer hours confirmed, reversed or imported in the participation module's ledger rescore the person.
onPersonFactsChanged("points", rescorePerson);

/** The points module's permissions; the enrolment's 镇区 and owner are checked per record. */
export const pointsPermissions = definePermissions({
  "points.selfCheck": {
    roles: "anyone",
    description: "积分自测（无需登录，不保存）(the points self-check, no sign-in, nothing stored)",
  },
  "points.enrolments.read": {
    roles: ["resident", "clerk", "programme_admin", "auditor", "verifier"],
    description: "查看积分档案（居民本人；窗口限本镇区）(read enrolments: one's own; clerks their town)",
  },
  "points.declare": {
    roles: ["resident", "clerk", "programme_admin"],
    description: "申报积分事实（居民本人或窗口代办）(declare facts)",
  },
  "points.apply": {
    roles: ["resident", "clerk", "programme_admin"],
    description: "提交积分申请或放弃录取（居民本人或窗口代办）(apply, or refuse a placement)",
  },
  "points.cycles.read": { roles, description: "查看申请周期 (read application cycles)" },
  "points.enrol": {
    roles: ["resident", "clerk", "programme_admin"],
    description: "积分登记（居民本人或窗口代办）(enrol in the points scheme)",
  },
  "points.own": { roles: ["resident"], description: "我的积分 (my points)" },
  "points.counter": {
    roles: ["clerk", "programme_admin"],
    description: "积分窗口：录入、确认、送核、失信记录 (counter work)",
  },
  "points.verify": { roles: ["verifier"], description: "部门核查积分指标 (department verification)" },
  "points.queue": {
    roles: ["verifier", "clerk"],
    description: "核查和异议队列（界面）(the verification queue screen)",
  },
  "points.deductions": {
    roles: ["verifier"],
    // Only the departments that report a kind of deduction (police, health); the education bureau has none.
    rule: (actor) => {
      const departments = verifierDepartments(actor);
      return (
        departments === "all" || Object.values(deductionKinds).some((kind) => departments.includes(kind.department))
      );
    },
    description: "报送扣分事项（公安、卫生计生部门）(report deduction events: police, health departments)",
  },
  "points.programme": {
    roles: ["programme_admin"],
    description: "积分项目管理：周期、指标、学校、排名、公示 (run the programme)",
  },
  "points.programme.read": {
    roles: ["programme_admin", "auditor"],
    description: "查看积分项目数据 (read programme data)",
  },
});

/** The points-for-migrants module (流动人员积分制): enrolment, facts, applications, verification, ranking, publicity. */
export const pointsModule: ModuleManifest = {
  name: "points",
  routes: pointsRoutes,
  seeds: seedPoints,
  jobs: [rankingJob, publishJob],
  permissions: pointsPermissions,
  deadlines: pointsDeadlines,
  openData: pointsOpenData,
  indicators: pointsIndicators,
};
