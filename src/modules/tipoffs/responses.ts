/** TypeBox response schemas of the tip-off API: every field the web app reads, and no reporter field outside `reporter`. */
import { Type } from "typebox";
import { nullable, Page } from "../../platform/http/response-schemas";

const dateTime = Type.String({ format: "date-time" });
const state = Type.Union([
  Type.Literal("submitted"),
  Type.Literal("investigating"),
  Type.Literal("verified"),
  Type.Literal("not_verified"),
]);

export const CategoryResponse = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  public: Type.Boolean(),
  investigationDays: Type.Integer(),
  active: Type.Boolean(),
  routing: Type.Array(Type.Object({ townCode: Type.String(), departmentCode: Type.String() })),
});
export const CategoryList = Type.Object({ items: Type.Array(CategoryResponse) });

export const ReceiptResponse = Type.Object({
  reference: Type.String(),
  receiptCode: Type.String({ description: "shown once: only its hash is stored" }),
  categoryName: Type.String(),
  departmentName: Type.String(),
  state,
  submittedOn: Type.String({ format: "date" }),
  dueOn: Type.String({ format: "date" }),
});

const EventResponse = Type.Object({
  kind: Type.String(),
  author: Type.String(),
  text: Type.String(),
  toReporter: Type.Boolean(),
  createdAt: dateTime,
});

const RewardResponse = Type.Object({
  amountYuan: Type.String(),
  note: Type.String(),
  grantedOn: Type.String({ format: "date" }),
  collectedOn: nullable(Type.String({ format: "date" })),
});

/** What the reporter sees with the receipt code. */
export const FollowResponse = Type.Object({
  reference: Type.String(),
  categoryName: Type.String(),
  townCode: Type.String(),
  place: Type.String(),
  description: Type.String(),
  state,
  submittedOn: Type.String({ format: "date" }),
  dueOn: Type.String({ format: "date" }),
  departmentName: Type.String(),
  outcomeNote: nullable(Type.String()),
  decidedOn: nullable(Type.String({ format: "date" })),
  reward: nullable(RewardResponse),
  events: Type.Array(EventResponse),
  photoCount: Type.Integer(),
});

export const PhotoResponse = Type.Object({
  id: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: dateTime,
});

export const TipoffSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  campaignCode: nullable(Type.String()),
  townCode: Type.String(),
  place: Type.String(),
  state,
  channel: Type.String(),
  anonymous: Type.Boolean(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  submittedOn: Type.String({ format: "date" }),
  dueOn: Type.String({ format: "date" }),
  overdue: Type.Boolean(),
  assignedToMe: Type.Boolean(),
});
export const TipoffPage = Page(TipoffSummary);

const ReporterResponse = Type.Object({
  name: nullable(Type.String()),
  phone: nullable(Type.String()),
  email: nullable(Type.String()),
  idNumber: nullable(Type.String()),
  signedIn: Type.Boolean(),
  personLinked: Type.Boolean(),
});

/** A tip-off for staff: the reporter only for the handling department's officers (null otherwise). */
export const TipoffResponse = Type.Object({
  ...TipoffSummary.properties,
  description: Type.String(),
  latitude: nullable(Type.Number()),
  longitude: nullable(Type.Number()),
  outcomeNote: nullable(Type.String()),
  decidedOn: nullable(Type.String({ format: "date" })),
  reward: nullable(RewardResponse),
  events: Type.Array(EventResponse),
  photos: Type.Array(PhotoResponse),
  handling: Type.Boolean({ description: "the caller is an officer of the handling department" }),
  reporter: nullable(ReporterResponse),
  version: Type.Integer(),
});

export const KeyResponse = Type.Object({
  id: Type.String(),
  label: Type.String(),
  keyHint: Type.String(),
  createdBy: Type.String(),
  createdAt: dateTime,
  revokedAt: nullable(dateTime),
});
export const KeyList = Type.Object({ items: Type.Array(KeyResponse) });
export const KeyCreated = Type.Object({
  ...KeyResponse.properties,
  apiKey: Type.String({ description: "shown once" }),
});

/** A campaign's tip-offs in figures (public: counts only). */
export const CampaignTipoffFigures = Type.Object({
  code: Type.String(),
  reported: Type.Integer(),
  verified: Type.Integer(),
});
