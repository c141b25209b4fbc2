import type { ModuleManifest } from "../platform/module";
import { registryModule } from "../modules/registry/manifest";
import { assistanceModule } from "../modules/assistance/manifest";
import { pointsModule } from "../modules/points/manifest";
import { tipoffsModule } from "../modules/tipoffs/manifest";
import { participationModule } from "../modules/participation/manifest";
import { calendarModule } from "../platform/calendar/calendar.routes";
import { filesModule } from "../platform/files/files.routes";
import { jobsModule } from "../platform/jobs";
import { publicityModule } from "../platform/publicity/publicity.routes";

const serviceModules: readonly ModuleManifest[] = [
  registryModule,
  calendarModule,
  filesModule,
  publicityModule,
  assistanceModule,
  pointsModule,
  tipoffsModule,
  participationModule,
];

/** The modules the app mounts, in order, and last the job routes over their job kinds. A new module adds its manifest here. */
export const modules: readonly ModuleManifest[] = [...serviceModules, jobsModule(serviceModules)];
