/** Points-specific command helpers; the command context, audit helper and unique-violation test are shared (src/platform/commands/context.ts). */
import { todayInShanghai } from "../../../core/dates";

/** The module's clock: today's date in Shanghai. Tests replace `today` to replay a past cycle. */
export const pointsClock = { today: (): string => todayInShanghai() };

/** A refusal that names the rule and its clause, so the resident and the clerk can see why. */
export function refusal(code: string, field: string, message: string, clause: string) {
  return { code, field, message: `${message}（${clause}）` };
}
