/** Rows → API shapes of the participation module. */
import type { CampaignRecord } from "./repository";

/** A campaign: public data, the same for everyone. */
export function presentCampaign(campaign: CampaignRecord) {
  return {
    id: campaign.id,
    code: campaign.code,
    name: campaign.name,
    goal: campaign.goal,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    departmentCode: campaign.departmentCode,
    departmentName: campaign.departmentName,
    createdAt: new Date(campaign.createdAt).toISOString(),
  };
}
