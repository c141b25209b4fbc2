/**
 * Demo data of the participation module (loaded by `gongzhi demo` through the manifest): the six 全民
 * campaigns, running since the start of last year with no end date, so they are current on every day of the year.
 */
import { clock } from "../../core/clock";
import type { Trx } from "../../db/transaction";
import type { SeedOptions } from "../../platform/module";
import { createCampaign } from "./commands/campaign.create";
import { findCampaignByCode } from "./repository";
import { standardCampaigns } from "./campaigns.catalogue";

const seedContext = { actor: null, username: "demo", requestId: null };

/** Creates the six 全民 campaigns (skipping any already present). */
export async function seedCampaigns(trx: Trx): Promise<void> {
  const startsOn = `${Number(clock.today().slice(0, 4)) - 1}-01-01`;
  for (const campaign of standardCampaigns) {
    if (await findCampaignByCode(trx, campaign.code)) continue;
    const created = await createCampaign(trx, seedContext, { ...campaign, startsOn, endsOn: null });
    if (!created.ok) throw new Error(`participation demo seed, campaign ${campaign.code}: ${created.error.message}`);
  }
}

/** The module's demo seeds. */
export async function seedParticipation(trx: Trx, _options: SeedOptions): Promise<void> {
  await seedCampaigns(trx);
}
