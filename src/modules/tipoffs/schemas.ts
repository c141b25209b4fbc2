/** TypeBox shapes of the tip-off API requests (additionalProperties: false everywhere). */
import { Type } from "typebox";

const strict = { additionalProperties: false } as const;
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const receiptCode = Type.String({ minLength: 1, maxLength: 60 });
const state = Type.Union([
  Type.Literal("submitted"),
  Type.Literal("investigating"),
  Type.Literal("verified"),
  Type.Literal("not_verified"),
]);

export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
export const PhotoParams = Type.Object(
  { id: Type.String({ format: "uuid" }), photoId: Type.String({ format: "uuid" }) },
  strict,
);
export const CodeParams = Type.Object({ code: text(40) }, strict);
export const RoutingParams = Type.Object({ code: text(40), townCode: text(40) }, strict);

/** Body of POST /tipoffs. */
export const ReportBody = Type.Object(
  {
    categoryCode: text(40),
    townCode: text(40),
    place: text(200),
    description: text(4000),
    anonymous: Type.Boolean(),
    campaignCode: Type.Optional(text(40)),
    latitude: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    longitude: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 60 })),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
          idNumber: Type.Optional(Type.String({ maxLength: 30 })),
          email: Type.Optional(Type.String({ maxLength: 120 })),
        },
        strict,
      ),
    ),
  },
  strict,
);

/** Body of the follow routes: the receipt code. */
export const ReceiptBody = Type.Object({ receiptCode }, strict);
/** Body of POST /tipoffs/follow/information. */
export const InformationBody = Type.Object({ receiptCode, text: text(4000) }, strict);

/** Query of GET /tipoffs (the staff queue). */
export const QueueQuery = Type.Object(
  {
    state: Type.Optional(state),
    categoryCode: Type.Optional(text(40)),
    townCode: Type.Optional(text(40)),
    q: Type.Optional(text(100)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  strict,
);

export const MessageBody = Type.Object({ text: text(4000), toReporter: Type.Optional(Type.Boolean()) }, strict);
export const DecisionBody = Type.Object({ verified: Type.Boolean(), note: text(2000) }, strict);
export const RewardBody = Type.Object(
  { amountYuan: Type.Union([Type.String({ maxLength: 20 }), Type.Number()]), note: text(1000) },
  strict,
);

const categoryFields = {
  name: text(60),
  description: Type.String({ maxLength: 500 }),
  departmentCode: text(40),
  public: Type.Boolean(),
  investigationDays: Type.Integer({ minimum: 1, maximum: 60 }),
  active: Type.Boolean(),
};

export const CategoryCreateBody = Type.Object(
  {
    code: text(40),
    name: categoryFields.name,
    departmentCode: categoryFields.departmentCode,
    description: Type.Optional(categoryFields.description),
    public: Type.Optional(categoryFields.public),
    investigationDays: Type.Optional(categoryFields.investigationDays),
    active: Type.Optional(categoryFields.active),
  },
  strict,
);
export const CategoryPatchBody = Type.Partial(Type.Object(categoryFields, strict));
export const RoutingBody = Type.Object({ departmentCode: Type.Union([text(40), Type.Null()]) }, strict);
export const CategoryQuery = Type.Object({ all: Type.Optional(Type.Boolean()) }, strict);

export const KeyCreateBody = Type.Object({ label: text(80) }, strict);
