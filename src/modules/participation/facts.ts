/**
 * The volunteer facts of the 2014 points scorecard, read straight from the hours ledger: the public interface the
 * points module reads (policies/zhongshan/points/2014/scorecard.yaml). Hours of the last five years before
 * `today` (served after the same day five years earlier), net of reversals, in whole hours (the facts are counts):
 *
 * - `volunteer_hours_5y`: general volunteering (Zhongshan and elsewhere in Guangdong);
 * - `volunteer_hours_special_5y`: anti-drug publicity and online civility;
 * - `volunteer_hours_zhongshan_5y`: of those two, the hours served in Zhongshan (never more than their sum);
 * - `safety_publicity_hours_5y`: work-safety publicity.
 *
 * Each fact names the ledger entries behind it, so a score explanation can point at them.
 */
import { sql } from "kysely";
import { addMonths } from "../../core/dates";
import type { Executor } from "../../db/transaction";
import { formatHours } from "./hours";
import { participationDb, type VolunteerCategory, type VolunteerPlace } from "./tables";

/** The scorecard facts the ledger provides. */
export const ledgerFactNames = [
  "volunteer_hours_5y",
  "volunteer_hours_special_5y",
  "volunteer_hours_zhongshan_5y",
  "safety_publicity_hours_5y",
] as const;
export type LedgerFactName = (typeof ledgerFactNames)[number];

/** One fact with its source: the value, the exact hours and the ledger entries behind it. */
export interface LedgerFact {
  fact: LedgerFactName;
  value: number;
  hours: string;
  source: "volunteer_ledger";
  from: string;
  to: string;
  entries: { id: string; servedOn: string; hours: string; category: VolunteerCategory; place: VolunteerPlace }[];
}

const special: VolunteerCategory[] = ["anti_drug", "online_civility"];

/** The first day inside the five-year window ending on `today`. */
export function windowStart(today: string): string {
  return addMonths(today, -60);
}

/** The person's ledger facts on `today`, or null when the ledger holds no hours of theirs in the window. */
export async function ledgerFactsOf(executor: Executor, personId: string, today: string): Promise<LedgerFact[] | null> {
  const from = windowStart(today);
  const rows = await participationDb(executor)
    .selectFrom("volunteer_ledger")
    .select(["id", "served_on", "hundredths", "category", "place"])
    .where("person_id", "=", personId)
    .where("served_on", ">", from)
    .where("served_on", "<=", today)
    .orderBy("served_on")
    .execute();
  if (rows.length === 0) return null;
  const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((total, row) => total + row.hundredths, 0);
  const general = sum((row) => row.category === "general");
  const specialHours = sum((row) => special.includes(row.category));
  const zhongshan = sum(
    (row) => row.place === "zhongshan" && (row.category === "general" || special.includes(row.category)),
  );
  const safety = sum((row) => row.category === "safety_publicity");
  const whole = (hundredths: number) => Math.max(0, Math.floor(hundredths / 100));
  const values: Record<LedgerFactName, [number, number, (row: (typeof rows)[number]) => boolean]> = {
    volunteer_hours_5y: [whole(general), general, (row) => row.category === "general"],
    volunteer_hours_special_5y: [whole(specialHours), specialHours, (row) => special.includes(row.category)],
    volunteer_hours_zhongshan_5y: [
      Math.min(whole(zhongshan), whole(general) + whole(specialHours)),
      zhongshan,
      (row) => row.place === "zhongshan" && row.category !== "safety_publicity",
    ],
    safety_publicity_hours_5y: [whole(safety), safety, (row) => row.category === "safety_publicity"],
  };
  return ledgerFactNames.map((fact) => {
    const [value, hundredths, belongs] = values[fact];
    return {
      fact,
      value,
      hours: formatHours(hundredths),
      source: "volunteer_ledger" as const,
      from,
      to: today,
      entries: rows.filter(belongs).map((row) => ({
        id: row.id,
        servedOn: row.served_on,
        hours: formatHours(row.hundredths),
        category: row.category,
        place: row.place,
      })),
    };
  });
}

/** Persons read per query by `ledgerFactValues` (one array parameter each). */
export const LEDGER_FACTS_CHUNK = 100_000;

/**
 * The ledger facts' values for many persons at once — the set-based refresh of a whole cycle's applicants (the
 * policy simulation reads every applicant's facts through it): one grouped query per `LEDGER_FACTS_CHUNK` persons,
 * the persons passed as one array parameter. The values are those of `ledgerFactsOf` (same window, same netting,
 * same rounding; `facts.database.test.ts` compares them). Persons without entries in the window are absent from
 * the answer, as `ledgerFactsOf` answers null for them.
 */
export async function ledgerFactValues(
  executor: Executor,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, Record<LedgerFactName, number>>> {
  const answer = new Map<string, Record<LedgerFactName, number>>();
  const from = windowStart(today);
  const whole = (hundredths: number) => Math.max(0, Math.floor(Number(hundredths) / 100));
  for (let start = 0; start < personIds.length; start += LEDGER_FACTS_CHUNK) {
    const chunk = [...new Set(personIds.slice(start, start + LEDGER_FACTS_CHUNK))];
    // One array parameter: PostgreSQL probes the (person, day) index for a few persons and, for a large set,
    // reads the ledger once with the array hashed (one pass beats a sort or a join on this many rows).
    const rows = await participationDb(executor)
      .selectFrom("volunteer_ledger")
      .select([
        "person_id",
        sql<number>`coalesce(sum(hundredths) filter (where category = 'general'), 0)::int`.as("general"),
        sql<number>`coalesce(sum(hundredths) filter (where category in ('anti_drug', 'online_civility')), 0)::int`.as(
          "special",
        ),
        sql<number>`coalesce(sum(hundredths) filter (where place = 'zhongshan' and category <> 'safety_publicity'), 0)::int`.as(
          "zhongshan",
        ),
        sql<number>`coalesce(sum(hundredths) filter (where category = 'safety_publicity'), 0)::int`.as("safety"),
      ])
      .where(sql<boolean>`person_id = any(${chunk}::uuid[])`)
      .where("served_on", ">", from)
      .where("served_on", "<=", today)
      .groupBy("person_id")
      .execute();
    for (const row of rows) {
      const general = whole(row.general);
      const specialHours = whole(row.special);
      answer.set(row.person_id, {
        volunteer_hours_5y: general,
        volunteer_hours_special_5y: specialHours,
        volunteer_hours_zhongshan_5y: Math.min(whole(row.zhongshan), general + specialHours),
        safety_publicity_hours_5y: whole(row.safety),
      });
    }
  }
  return answer;
}
