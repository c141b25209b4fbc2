/** Campaign routes: the public list and one campaign; programme admins create campaigns. */
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { createCampaign } from "../commands/campaign.create";
import { presentCampaign } from "../presenters";
import { campaignFigures, findCampaignByCode, listCampaigns } from "../repository";
import { formatHours } from "../hours";
import { CampaignFiguresResponse, CampaignResponse, CampaignsResponse } from "../responses";
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
    method: "GET",
    url: "/participation/campaigns/:code/figures",
    summary: {
      zh: "活动公开数据：参与人数、时长、党员志愿者占比",
      en: "A campaign's public figures: participants, hours, Party-member share",
    },
    tags,
    permission: "public",
    params: CampaignCodeParams,
    target: {
      resource: "campaign",
      load: (executor, { params }) => findCampaignByCode(executor, params.code),
    },
    response: { 200: CampaignFiguresResponse },
    handler: async ({ db, target }) => {
      const figures = await campaignFigures(db, target.id);
      const share =
        figures.participants === 0 ? 0 : Math.round((figures.partyParticipants * 1000) / figures.participants);
      return {
        code: target.code,
        name: target.name,
        participants: figures.participants,
        hours: formatHours(figures.hundredths),
        partyMemberParticipants: figures.partyParticipants,
        partyMemberHours: formatHours(figures.partyHundredths),
        partyMemberShare: `${Math.floor(share / 10)}.${share % 10}`,
        byCategory: figures.byCategory.map(([category, hundredths]) => ({ category, hours: formatHours(hundredths) })),
      };
    },
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
