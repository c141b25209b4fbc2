/** The assistance module's clock: today's date in Shanghai. Tests replace `today` to replay later months. */
import { todayInShanghai } from "../../core/dates";

export const assistanceClock = { today: (): string => todayInShanghai() };
