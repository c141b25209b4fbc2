import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { Trx } from "../db/transaction";
import type { PermissionTable } from "./access/permissions";
import type { AnyRoute } from "./http/route";
import type { JobDefinition } from "./jobs/jobs.definition";
import type { DeadlineSource } from "./deadlines/deadlines";
import type { Indicator, OpenDataset } from "./insight/insight";
import type { RecordNamer } from "./audit/audit.describe";

/** What a module's routes receive from the platform. */
export interface ModuleDependencies {
  db: Kysely<Database>;
}

/** Options the demo loader passes to module seeds. */
export interface SeedOptions {
  onProgress?: (done: number, total: number, label: string) => void;
}

/**
 * The platform knows a module only through this manifest: its route table (mounted under /api/v1 by
 * mountRoutes), its permissions as data (checked by the routes and sent to the web app as `abilities`), and
 * optionally demo seeds and jobs.
 */
export interface ModuleManifest {
  name: string;
  routes: readonly AnyRoute[];
  /** Public routes served at the site root instead of under /api/v1, for stable public URLs (e.g. /open-data/…). */
  rootRoutes?: readonly AnyRoute[];
  permissions: PermissionTable;
  seeds?: (trx: Trx, options: SeedOptions) => Promise<void>;
  /** Job kinds: long operations users enqueue and recurring jobs, stored in the database (src/platform/jobs). */
  jobs?: JobDefinition[];
  /** The module's open deadlines counted in working days, listed when the official calendar of a year is added. */
  deadlines?: DeadlineSource;
  /** Public datasets (open data): no personal data, at most masked names (src/platform/insight/insight.ts). */
  openData?: OpenDataset[];
  /** Figures for the city dashboard under the five goals, over the module's live data. */
  indicators?: Indicator[];
  /**
   * How the audit log names this module's records in its sentences, per entity type: a case number, a list's
   * title, a person's masked name (src/platform/audit/audit.describe.ts), instead of an id.
   */
  recordNames?: Record<string, RecordNamer>;
}
