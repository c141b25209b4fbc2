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

const category = Type.String({ description: "general | anti_drug | online_civility | safety_publicity" });
const hours = Type.String({ description: "hours with two decimals, e.g. 3.50" });

/** A volunteer activity with the counts of its sign-ups (public). */
export const ActivityResponse = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  campaignCode: nullable(Type.String()),
  campaignName: nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  category,
  place: Type.String(),
  townCode: Type.String(),
  startsAt: timestamp,
  endsAt: timestamp,
  capacity: Type.Integer(),
  status: Type.String(),
  confirmedCount: Type.Integer(),
  waitingCount: Type.Integer(),
});

/** Activities. */
export const ActivitiesResponse = Type.Object({ items: Type.Array(ActivityResponse) });

/** A sign-up as its volunteer sees it (with the check-in token shown as a QR code). */
export const SignupResponse = Type.Object({
  id: Type.String(),
  activityId: Type.String(),
  activityTitle: Type.String(),
  startsAt: timestamp,
  endsAt: timestamp,
  status: Type.String({ description: "confirmed | waiting | cancelled" }),
  waitingPosition: nullable(Type.Integer()),
  token: nullable(Type.String()),
  checkedInAt: nullable(timestamp),
  checkedOutAt: nullable(timestamp),
});

/** The result of a cancellation: the sign-up and whether someone on the waiting list got the place. */
export const CancelResponse = Type.Object({ signup: SignupResponse, promoted: Type.Boolean() });

/** One line of an activity's roster, as its organisers see it. */
export const RosterLineResponse = Type.Object({
  signupId: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  status: Type.String(),
  partyMember: Type.Boolean(),
  checkedInAt: nullable(timestamp),
  checkedOutAt: nullable(timestamp),
  confirmedHours: hours,
});

/** The result of a check-in or check-out. */
export const CheckResponse = Type.Object({
  signupId: Type.String(),
  name: Type.String(),
  checkedInAt: nullable(timestamp),
  checkedOutAt: nullable(timestamp),
});

/** A ledger entry. */
export const LedgerEntryResponse = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  source: Type.String({ description: "activity | import" }),
  activityId: nullable(Type.String()),
  activityTitle: nullable(Type.String()),
  organisationName: nullable(Type.String()),
  importId: nullable(Type.String()),
  campaignCode: nullable(Type.String()),
  category,
  place: Type.String({ description: "zhongshan | guangdong_other" }),
  servedOn: date,
  hours,
  confirmedBy: Type.String(),
  reason: Type.String(),
  reversesEntryId: nullable(Type.String()),
  createdAt: timestamp,
});

/** An activity with its roster and its ledger entries, reversals included (organisers). */
export const RosterResponse = Type.Object({
  activity: ActivityResponse,
  items: Type.Array(RosterLineResponse),
  entries: Type.Array(LedgerEntryResponse),
});

/** The report of an import: counts and each refused row. */
export const ImportReportResponse = Type.Object({
  importId: Type.String(),
  fileName: Type.String(),
  rowsTotal: Type.Integer(),
  rowsAccepted: Type.Integer(),
  rowsRefused: Type.Integer(),
  acceptedHours: hours,
  problems: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
});

/** A resident's volunteering: declaration, hours by year, category and place, entries and sign-ups. */
export const MyVolunteeringResponse = Type.Object({
  partyMember: Type.Boolean(),
  totalHours: hours,
  byYear: Type.Array(Type.Object({ year: Type.Integer(), hours })),
  byCategory: Type.Array(Type.Object({ category, hours })),
  byPlace: Type.Array(Type.Object({ place: Type.String(), hours })),
  rows: Type.Array(Type.Object({ year: Type.Integer(), category, place: Type.String(), hours })),
  entries: Type.Array(LedgerEntryResponse),
  signups: Type.Array(SignupResponse),
});

/** A volunteer's own declaration. */
export const ProfileResponse = Type.Object({ partyMember: Type.Boolean() });

/** The organiser's organisations and their activities. */
export const OrganiserActivitiesResponse = Type.Object({
  organisations: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  items: Type.Array(ActivityResponse),
});

/** An organiser added to an organisation. */
export const OrganiserResponse = Type.Object({
  organisationId: Type.String(),
  accountId: Type.String(),
  username: Type.String(),
});

/** The organiser accounts of an organisation. */
export const OrganiserList = Type.Object({
  items: Type.Array(
    Type.Object({
      accountId: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      disabled: Type.Boolean(),
      since: Type.String({ format: "date" }),
    }),
  ),
});

/** Accounts holding the organiser role, to choose one to assign. */
export const OrganiserAccountList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), disabled: Type.Boolean() }),
  ),
});

/** A campaign's public figures (aggregates only: no person is named). */
export const CampaignFiguresResponse = Type.Object({
  code: Type.String(),
  name: Type.String(),
  participants: Type.Integer({ description: "volunteers with confirmed hours in the campaign" }),
  hours: Type.String(),
  partyMemberParticipants: Type.Integer(),
  partyMemberHours: Type.String(),
  partyMemberShare: Type.String({
    description: "Party-member volunteers as a percentage of participants, one decimal",
  }),
  byCategory: Type.Array(Type.Object({ category: Type.String(), hours: Type.String() })),
});
