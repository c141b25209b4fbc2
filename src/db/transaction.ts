import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/** The handle every command receives: a transaction, or the database when a caller reads outside one. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** The transaction handle commands receive; the outermost caller owns commit and rollback. */
export type Trx = Transaction<Database>;

/**
 * Runs `work` in one transaction and commits when it returns, rolls back when it throws.
 * With PGlite there is one connection: inside `work` always use `trx`, never `db`, or it waits forever.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Trx) => Promise<T>): Promise<T> {
  let handle: Trx | null = null;
  inFlight += 1;
  let result: T;
  try {
    result = await db.transaction().execute((trx) => {
      handle = trx;
      managed.add(trx);
      return work(trx);
    });
  } finally {
    inFlight -= 1;
  }
  commits += 1;
  const hooks = handle ? commitHooks.get(handle) : undefined;
  if (hooks) {
    commitHooks.delete(handle!);
    for (const hook of hooks) await hook(db);
  }
  return result;
}

/** Work to do once a transaction has committed (not when it rolls back); a hook must not throw. */
type CommitHook = (db: Kysely<Database>) => Promise<void>;
const commitHooks = new WeakMap<Trx, CommitHook[]>();

/**
 * Runs `hook` after `trx` commits, before `inTransaction` returns to its caller (so an HTTP answer is sent after
 * it). Used by the audit log to chain entries that had to wait (src/platform/audit/audit.pending.ts). A
 * transaction not opened by `inTransaction` never runs its hooks; what they would do must then happen later anyway.
 */
export function afterCommit(trx: Trx, hook: CommitHook): void {
  const hooks = commitHooks.get(trx);
  if (hooks) {
    if (!hooks.includes(hook)) hooks.push(hook);
  } else commitHooks.set(trx, [hook]);
}

let commits = 0;
let inFlight = 0;
const managed = new WeakSet<Trx>();

/**
 * Whether `trx` was opened by `inTransaction` and other such transactions of this process are open or waiting for
 * a connection beside it: its `afterCommit` hooks will run, and a lock it holds to its commit would hold others up.
 */
export function sharedWithOthers(trx: Trx): boolean {
  return managed.has(trx) && inFlight > 1;
}

/**
 * How many transactions this process has committed through `inTransaction` and `inTransactionWhenOk` (every
 * command, every job): an answer computed from the database stays current while this number does not change.
 */
export function committedTransactions(): number {
  return commits;
}

/** Thrown inside a transaction to roll it back while carrying an expected failure out to the caller. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super("rollback");
  }
}

/**
 * Runs `work` in a transaction that commits only when the result is ok, so a refused command
 * (a validation failure found midway) leaves no partial write and no audit entry.
 */
export async function inTransactionWhenOk<T extends { ok: boolean }>(
  db: Kysely<Database>,
  work: (trx: Trx) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(db, async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
}
