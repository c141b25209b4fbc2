import type { ModuleManifest } from "../platform/module";
import { registryModule } from "../modules/registry/manifest";
import { assistanceModule } from "../modules/assistance/manifest";
import { pointsModule } from "../modules/points/manifest";
import { calendarModule } from "../platform/calendar/calendar.routes";
import { filesModule } from "../platform/files/files.routes";
import { publicityModule } from "../platform/publicity/publicity.routes";

/** The modules the app mounts, in order. A new module adds its manifest here. */
export const modules: readonly ModuleManifest[] = [registryModule, calendarModule, filesModule, publicityModule, assistanceModule, pointsModule];
