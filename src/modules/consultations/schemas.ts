import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const date = Type.String({ format: "date" });
const uuid = Type.String({ format: "uuid" });

export const IdParams = Type.Object({ id: uuid }, strict);

const articles = Type.Array(Type.Object({ heading: text(200), body: text(10_000) }, strict), {
  minItems: 1,
  maxItems: 200,
});

/** Body of POST /consultations (a department's draft). */
export const PublicConsultationBody = Type.Object(
  {
    title: text(200),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    departmentCode: text(60),
    opensOn: date,
    closesOn: date,
    articles,
  },
  strict,
);
export type PublicConsultationBody = Static<typeof PublicConsultationBody>;

/** Body of POST /consultations/community (村居议事 of one 社区). */
export const CommunityConsultationBody = Type.Object(
  {
    title: text(200),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    communityId: uuid,
    opensOn: date,
    closesOn: date,
    articles,
  },
  strict,
);
export type CommunityConsultationBody = Static<typeof CommunityConsultationBody>;

export const CommentBody = Type.Object({ articleId: uuid, text: text(2000) }, strict);
export type CommentBody = Static<typeof CommentBody>;

export const HideBody = Type.Object({ rule: text(40), reason: text(500) }, strict);
export type HideBody = Static<typeof HideBody>;

export const ReportBody = Type.Object(
  {
    summary: text(4000),
    items: Type.Array(
      Type.Object(
        {
          articleId: Type.Optional(Type.Union([uuid, Type.Null()])),
          commentIds: Type.Array(uuid, { minItems: 1, maxItems: 10_000 }),
          summary: text(2000),
          outcome: Type.Union([Type.Literal("adopted"), Type.Literal("partly_adopted"), Type.Literal("not_adopted")]),
          response: text(4000),
        },
        strict,
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  strict,
);
export type ReportBody = Static<typeof ReportBody>;

export const DecisionBody = Type.Object({ title: text(200), text: text(20_000) }, strict);
export type DecisionBody = Static<typeof DecisionBody>;

export const MeetingBody = Type.Object(
  {
    heldOn: date,
    present: Type.Array(text(60), { minItems: 1, maxItems: 1000 }),
    votesFor: Type.Integer({ minimum: 0 }),
    votesAgainst: Type.Integer({ minimum: 0 }),
    votesAbstain: Type.Integer({ minimum: 0 }),
    outcome: text(4000),
  },
  strict,
);
export type MeetingBody = Static<typeof MeetingBody>;

/** Path parameters of a comment route. */
export const CommentParams = Type.Object({ id: uuid, commentId: uuid }, strict);
