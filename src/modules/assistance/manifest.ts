import type { ModuleManifest } from "../../platform/module";
import { payrollJob } from "./jobs";
import { mayApplyOnline, mayOnAssistance } from "./policies";
import { assistanceRoutes } from "./routes";
import { seedAssistance } from "./seeds";

/** The social-assistance module (低保): cases, CPI figures and price subsidies, payroll, standards. */
export const assistanceModule: ModuleManifest = {
  name: "assistance",
  routes: assistanceRoutes,
  seeds: seedAssistance,
  jobs: [payrollJob],
  permissions: {
    "assistance.cases.read": (actor) => mayOnAssistance(actor, "case.read"),
    "assistance.cases.create": (actor) => mayOnAssistance(actor, "case.create"),
    "assistance.cases.decide": (actor) => mayOnAssistance(actor, "case.decide"),
    "assistance.apply": (actor) => mayApplyOnline(actor),
    "assistance.cpi.read": (actor) => mayOnAssistance(actor, "cpi.read"),
    "assistance.cpi.record": (actor) => mayOnAssistance(actor, "cpi.record"),
    "assistance.payroll.read": (actor) => mayOnAssistance(actor, "payroll.read"),
    "assistance.payroll.run": (actor) => mayOnAssistance(actor, "payroll.run"),
    "assistance.standards.read": (actor) => mayOnAssistance(actor, "standard.read"),
    "assistance.standards.propose": (actor) => mayOnAssistance(actor, "standard.propose"),
    "assistance.standards.approve": (actor) => mayOnAssistance(actor, "standard.approve"),
  },
};
