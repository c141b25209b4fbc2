import type { ModuleManifest } from "../../platform/module";
import { hasRole } from "../../platform/roles";
import { publishJob, rankingJob } from "./jobs";
import { mayAdministerPoints, mayEnrol, mayReadProgramme, mayReportDeduction } from "./policies";
import { seedPoints } from "./points.seed";
import { pointsRoutes } from "./routes";

/** The points-for-migrants module (流动人员积分制): enrolment, facts, applications, verification, ranking, publicity. */
export const pointsModule: ModuleManifest = {
  name: "points",
  routes: pointsRoutes,
  seeds: seedPoints,
  jobs: [rankingJob, publishJob],
  permissions: {
    "points.selfCheck": () => true,
    "points.enrol": mayEnrol,
    "points.own": (actor) => hasRole(actor, "resident"),
    "points.counter": (actor) => hasRole(actor, "clerk") || hasRole(actor, "programme_admin"),
    "points.verify": (actor) => hasRole(actor, "verifier"),
    "points.queue": (actor) => hasRole(actor, "verifier") || hasRole(actor, "clerk"),
    "points.deductions": mayReportDeduction,
    "points.programme": mayAdministerPoints,
    "points.programme.read": mayReadProgramme,
  },
};
