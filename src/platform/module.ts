import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { Trx } from "../db/transaction";
import type { DeadlineSource } from "./deadlines/deadlines";
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

/** A background job a module runs on a schedule. */
export interface ModuleJob {
  name: string;
  everyMinutes: number;
  run: (dependencies: ModuleDependencies) => Promise<void>;
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
  jobs?: ModuleJob[];
  /** The module's open deadlines counted in working days, listed when the official calendar of a year is added. */
  deadlines?: DeadlineSource;
}
