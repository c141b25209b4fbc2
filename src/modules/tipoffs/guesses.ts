/**
 * Wrong receipt codes are counted per client address: after `maxWrongGuesses` within `guessWindowMinutes`,
 * every receipt lookup from that address answers 429 until the window has passed, right code or not.
 * With 120-bit codes guessing is hopeless anyway; the limit stops scripted scanning and shows in the logs.
 */
import { clock } from "../../core/clock";
import type { Executor } from "../../db/transaction";
import { tipoffsDb } from "./tables";

export const maxWrongGuesses = 10;
export const guessWindowMinutes = 15;

function windowStart(): Date {
  return new Date(clock.now().getTime() - guessWindowMinutes * 60_000);
}

/** Tells whether the address has used up its wrong guesses. */
export async function guessesExhausted(executor: Executor, address: string): Promise<boolean> {
  const row = await tipoffsDb(executor)
    .selectFrom("tipoff_receipt_failures")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("address", "=", address)
    .where("at", ">", windowStart())
    .executeTakeFirstOrThrow();
  return Number(row.count) >= maxWrongGuesses;
}

/** Records one wrong guess (and forgets failures older than a day). */
export async function recordWrongGuess(executor: Executor, address: string): Promise<void> {
  const db = tipoffsDb(executor);
  await db.insertInto("tipoff_receipt_failures").values({ address, at: clock.now() }).execute();
  await db
    .deleteFrom("tipoff_receipt_failures")
    .where("at", "<", new Date(clock.now().getTime() - 24 * 3600_000))
    .execute();
}
