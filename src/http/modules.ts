import type { ModuleManifest } from "../platform/module";
import { registryModule } from "../modules/registry/manifest";

/** The modules the app mounts, in order. A new module adds its manifest here. */
export const modules: readonly ModuleManifest[] = [registryModule];
