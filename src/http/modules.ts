import type { ModuleManifest } from "../platform/module";
import { registryModule } from "../modules/registry/manifest";
import { assistanceModule } from "../modules/assistance/manifest";
import { pointsModule } from "../modules/points/manifest";
import { tipoffsModule } from "../modules/tipoffs/manifest";
import { coordinationModule } from "../modules/coordination/manifest";
import { insightModule } from "../modules/insight/manifest";
import { participationModule } from "../modules/participation/manifest";
import { suggestionsModule } from "../modules/suggestions/manifest";
import { consultationsModule } from "../modules/consultations/manifest";
import { servicesModule } from "../modules/services/manifest";
import { fundModule } from "../modules/fund/manifest";
import { approvalsModule } from "../modules/approvals/manifest";
import { policiesModule } from "../modules/policies/manifest";
import { calendarModule } from "../platform/calendar/calendar.routes";
import { filesModule } from "../platform/files/files.routes";
import { jobsModule } from "../platform/jobs";
import { publicityModule } from "../platform/publicity/publicity.routes";
import { notificationsModule } from "../platform/notifications/notifications.routes";

const serviceModules: readonly ModuleManifest[] = [
  registryModule,
  calendarModule,
  filesModule,
  publicityModule,
  notificationsModule,
  assistanceModule,
  pointsModule,
  tipoffsModule,
  participationModule,
  suggestionsModule,
  consultationsModule,
  servicesModule,
  fundModule,
  approvalsModule,
  policiesModule,
];

/**
 * The modules that read across the service modules through their manifests (deadline sources, open data,
 * indicators): a service module added above joins them by declaring those, nothing here changes.
 */
const coordination = coordinationModule(serviceModules);
const crossModules: readonly ModuleManifest[] = [coordination, insightModule([...serviceModules, coordination])];

/** The modules the app mounts, in order, and last the job routes over their job kinds. A new module adds its manifest here. */
export const modules: readonly ModuleManifest[] = [
  ...serviceModules,
  ...crossModules,
  jobsModule([...serviceModules, ...crossModules]),
];
