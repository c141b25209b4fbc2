import { definePermissions } from "../../platform/access/permissions";
import { holdsAnyRole } from "../../platform/access/scope";
import { hasRole } from "../../platform/roles";
import type { ModuleManifest } from "../../platform/module";
import { assistanceRecordNames } from "./record-names";
import { assistanceIndicators, assistanceOpenData } from "./insight";
import { payrollJob } from "./jobs";
import { isPriceOfficer, mayApplyOnline, mayOnAssistance } from "./policies";
import { assistanceDeadlines } from "./deadlines";
import { assistanceRoutes } from "./routes";
import { seedAssistance } from "./seeds";
import { receiveReferrals } from "../../platform/referrals/referrals";
import { receiveReferral } from "./commands/referral.commands";

/** The assistance module's permissions; a case's 镇区 (clerks) and a resident's own household are checked per record. */
export const assistancePermissions = definePermissions({
  "assistance.cases.read": {
    roles: ["clerk", "programme_admin", "auditor"],
    description: "查看低保案件（镇区工作人员限本镇区）(read cases; clerks: their town)",
  },
  "assistance.cases.create": {
    roles: ["programme_admin", "clerk"],
    description: "窗口受理低保申请 (open a case at the counter)",
  },
  "assistance.cases.open": {
    roles: ["programme_admin", "clerk", "resident"],
    rule: (actor) => mayOnAssistance(actor, "case.create") || mayApplyOnline(actor),
    description:
      "受理或提交低保申请（窗口，或居民为本户）(open a case: the counter, or a resident for their household)",
  },
  "assistance.cases.view": {
    roles: ["clerk", "programme_admin", "auditor", "resident"],
    rule: (actor) => mayOnAssistance(actor, "case.read") || mayApplyOnline(actor),
    description:
      "查看低保案件（工作人员按范围，居民限本户）(read a case: staff in scope, a resident their household's)",
  },
  "assistance.cases.process": {
    roles: ["programme_admin", "clerk"],
    description: "办理低保案件：调查、评议、审核、公示、复核 (process cases)",
  },
  "assistance.cases.respond": {
    roles: ["programme_admin", "clerk", "resident"],
    rule: (actor) => mayOnAssistance(actor, "case.process") || mayApplyOnline(actor),
    description:
      "复核申请、撤回、报告变化（居民限本户）(appeal, withdraw, report a change; residents their household's)",
  },
  "assistance.referrals": {
    roles: ["clerk", "programme_admin"],
    description:
      "受理或不予受理转介到低保的事项（镇区工作人员限本镇区）(accept or decline referrals; clerks: their town)",
  },
  "assistance.cases.decide": { roles: ["programme_admin"], description: "审批低保案件 (decide cases)" },
  "assistance.apply": {
    roles: ["resident"],
    rule: (actor) => actor.personId !== null,
    description: "网上申请低保并查看本户进度（须已关联人员）(apply online and follow one's own household)",
  },
  "assistance.cpi.read": {
    roles: ["programme_admin", "auditor", "policy_officer", "clerk", "verifier"],
    rule: (actor) =>
      holdsAnyRole(actor, ["programme_admin", "auditor", "policy_officer", "clerk"]) || isPriceOfficer(actor),
    description: "查看物价指数和价格补贴（核查人员限物价部门）(read CPI figures and price subsidies)",
  },
  "assistance.cpi.record": {
    roles: ["programme_admin", "verifier"],
    rule: (actor) => hasRole(actor, "programme_admin") || isPriceOfficer(actor),
    description: "录入物价指数（物价部门）(record CPI figures: the price department)",
  },
  "assistance.payroll.read": { roles: ["programme_admin", "auditor"], description: "查看发放名册 (read payrolls)" },
  "assistance.payroll.run": { roles: ["programme_admin"], description: "生成和确认发放名册 (run payrolls)" },
  "assistance.standards.read": {
    roles: ["programme_admin", "auditor", "policy_officer"],
    description: "查看低保标准 (read standards)",
  },
  "assistance.standards.propose": { roles: ["policy_officer"], description: "提出低保标准 (propose standards)" },
  "assistance.standards.approve": { roles: ["programme_admin"], description: "批准低保标准 (approve standards)" },
});

// Items other modules forward for the assistance desk's decision arrive as pending referrals (转介).
receiveReferrals("assistance", receiveReferral);

/** The social-assistance module (低保): cases, CPI figures and price subsidies, payroll, standards. */
export const assistanceModule: ModuleManifest = {
  name: "assistance",
  routes: assistanceRoutes,
  seeds: seedAssistance,
  jobs: [payrollJob],
  permissions: assistancePermissions,
  deadlines: assistanceDeadlines,
  openData: assistanceOpenData,
  indicators: assistanceIndicators,
  recordNames: assistanceRecordNames,
};
