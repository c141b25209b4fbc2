/** Queries of the participation module. */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import { participationDb } from "./tables";

/** A campaign with its owning department's name. */
export interface CampaignRecord {
  id: string;
  code: string;
  name: string;
  goal: string;
  startsOn: string;
  endsOn: string | null;
  departmentCode: string;
  departmentName: string;
  createdAt: Date;
}

function campaignQuery(executor: Executor) {
  return participationDb(executor)
    .selectFrom("participation_campaigns as c")
    .innerJoin("departments as d", "d.code", "c.department_code")
    .select([
      "c.id",
      "c.code",
      "c.name",
      "c.goal",
      "c.starts_on as startsOn",
      "c.ends_on as endsOn",
      "c.department_code as departmentCode",
      "d.name as departmentName",
      "c.created_at as createdAt",
    ]);
}

/** Every campaign, by start date then code. */
export async function listCampaigns(executor: Executor): Promise<CampaignRecord[]> {
  return campaignQuery(executor).orderBy("c.starts_on").orderBy("c.code").execute();
}

/** One campaign by its code. */
export async function findCampaignByCode(executor: Executor, code: string): Promise<CampaignRecord | undefined> {
  return campaignQuery(executor).where("c.code", "=", code).executeTakeFirst();
}

/** One campaign by its id. */
export async function findCampaign(executor: Executor, id: string): Promise<CampaignRecord | undefined> {
  return campaignQuery(executor).where("c.id", "=", id).executeTakeFirst();
}

/** A campaign's public figures from the ledger: participants, hours, the Party-member share, hours by category. */
export async function campaignFigures(executor: Executor, campaignId: string) {
  const perPerson = await participationDb(executor)
    .selectFrom("volunteer_ledger as l")
    .leftJoin("volunteer_profiles as v", "v.person_id", "l.person_id")
    .where("l.campaign_id", "=", campaignId)
    .select([
      "l.person_id",
      "l.category",
      sql<boolean>`coalesce(bool_or(v.party_member), false)`.as("party"),
      sql<number>`sum(l.hundredths)::int`.as("hundredths"),
    ])
    .groupBy(["l.person_id", "l.category"])
    .execute();
  const persons = new Map<string, { party: boolean; hundredths: number }>();
  const byCategory = new Map<string, number>();
  for (const row of perPerson) {
    const hundredths = Number(row.hundredths);
    const person = persons.get(row.person_id) ?? { party: Boolean(row.party), hundredths: 0 };
    person.hundredths += hundredths;
    persons.set(row.person_id, person);
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + hundredths);
  }
  const participants = [...persons.values()].filter((person) => person.hundredths > 0);
  const party = participants.filter((person) => person.party);
  return {
    participants: participants.length,
    hundredths: participants.reduce((sum, person) => sum + person.hundredths, 0),
    partyParticipants: party.length,
    partyHundredths: party.reduce((sum, person) => sum + person.hundredths, 0),
    byCategory: [...byCategory].filter(([, hundredths]) => hundredths > 0),
  };
}
