/** Campaign routes: the public list and one campaign; programme admins create campaigns. */
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { createCampaign } from "../commands/campaign.create";
import { presentCampaign } from "../presenters";
import { findCampaignByCode, listCampaigns } from "../repository";
import { CampaignResponse, CampaignsResponse } from "../responses";
import { CampaignCodeParams, CampaignCreateBody } from "../schemas";

const tags = ["participation"];

export const campaignRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/participation/campaigns",
    summary: { zh: "全民参与活动（专项行动）列表", en: "The participation campaigns (public)" },
    tags,
    permission: "public",
    response: { 200: CampaignsResponse },
    handler: async ({ db }) => ({ items: (await listCampaigns(db)).map(presentCampaign) }),
  }),
  defineRoute({
    method: "GET",
    url: "/participation/campaigns/:code",
    summary: { zh: "一个全民参与活动", en: "One campaign (public)" },
    tags,
    permission: "public",
    params: CampaignCodeParams,
    target: {
      resource: "campaign",
      load: (executor, { params }) => findCampaignByCode(executor, params.code),
    },
    response: { 200: CampaignResponse },
    handler: ({ target }) => presentCampaign(target),
  }),
  defineRoute({
    method: "POST",
    url: "/participation/campaigns",
    summary: { zh: "新建全民参与活动", en: "Create a campaign" },
    tags,
    permission: "participation.campaigns.manage",
    body: CampaignCreateBody,
    response: { 201: CampaignResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => createCampaign(trx, commandContext(request, actor), body)),
    present: (campaign) => presentCampaign(campaign),
  }),
];
