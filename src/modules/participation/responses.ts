import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

// Response shapes of the participation routes (see presenters.ts).

const timestamp = Type.String({ format: "date-time" });
const date = Type.String({ description: "YYYY-MM-DD" });

/** A campaign (全民 campaign): public data. */
export const CampaignResponse = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  goal: Type.String(),
  startsOn: date,
  endsOn: nullable(date),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  createdAt: timestamp,
});

/** The campaigns, oldest first. */
export const CampaignsResponse = Type.Object({ items: Type.Array(CampaignResponse) });
