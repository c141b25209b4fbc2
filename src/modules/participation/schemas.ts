import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });

/** Path parameter `:code` of a campaign. */
export const CampaignCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

/** Body of POST /participation/campaigns. */
export const CampaignCreateBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    goal: Type.Optional(Type.String({ maxLength: 2000 })),
    startsOn: date,
    endsOn: Type.Optional(Type.Union([date, Type.Null()])),
    departmentCode: Type.String({ minLength: 1, maxLength: 60 }),
  },
  strict,
);
export type CampaignCreateBody = Static<typeof CampaignCreateBody>;
