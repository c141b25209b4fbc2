import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { Trx } from "../db/transaction";
import type { JobDefinition } from "./jobs/jobs.definition";
import type { Actor } from "./roles";

/** What a module's routes receive from the platform. */
export interface ModuleDependencies {
  db: Kysely<Database>;
}

/** An ability the web app receives in `abilities`: a name and a pure rule over the caller. */
export type Permission = (actor: Actor | null) => boolean;

/** Options the demo loader passes to module seeds. */
export interface SeedOptions {
  onProgress?: (done: number, total: number, label: string) => void;
}

/**
 * The platform knows a module only through this manifest: its routes (mounted under /api/v1),
 * its abilities for the web app, and optionally demo seeds and jobs.
 */
export interface ModuleManifest {
  name: string;
  routes: (app: FastifyInstance, dependencies: ModuleDependencies) => void | Promise<void>;
  permissions: Record<string, Permission>;
  seeds?: (trx: Trx, options: SeedOptions) => Promise<void>;
  /** Job kinds: long operations users enqueue and recurring jobs, stored in the database (src/platform/jobs). */
  jobs?: JobDefinition[];
}
