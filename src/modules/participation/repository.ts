/** Queries of the participation module. */
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
