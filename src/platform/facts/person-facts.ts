/**
 * Tells the modules that score persons (points) that the facts another module keeps about a person changed
 * (volunteer hours confirmed, reversed or imported), so the score follows without paperwork. The module that
 * keeps the facts calls `personFactsChanged` in its transaction; a scoring module registers a listener once,
 * from its manifest. Dependencies stay one way: neither module imports the other's internals.
 */
import type { Trx } from "../../db/transaction";

/** Rescoring work to run in the changing transaction. */
export type PersonFactsListener = (trx: Trx, personId: string, reason: string) => Promise<void>;

const listeners = new Map<string, PersonFactsListener>();

/** Registers (or replaces) the listener of a module. */
export function onPersonFactsChanged(module: string, listener: PersonFactsListener): void {
  listeners.set(module, listener);
}

/** Runs every registered listener for a person, in the caller's transaction. */
export async function personFactsChanged(trx: Trx, personId: string, reason: string): Promise<void> {
  for (const listener of listeners.values()) await listener(trx, personId, reason);
}
