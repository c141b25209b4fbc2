import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);

/** Path parameter `:code` of a campaign. */
export const CodeParams = Type.Object({ code: text(40) }, strict);

/** Body of POST /suggestions. */
export const ProposeBody = Type.Object(
  {
    title: text(100),
    body: text(4000),
    townCode: text(40),
    campaignCode: Type.Optional(Type.Union([text(40), Type.Null()])),
    departmentCode: Type.Optional(Type.Union([text(60), Type.Null()])),
  },
  strict,
);
export type ProposeBody = Static<typeof ProposeBody>;

/** Query of the public list. */
export const ListQuery = Type.Object(
  {
    state: Type.Optional(text(20)),
    campaign: Type.Optional(text(40)),
    town: Type.Optional(text(40)),
    q: Type.Optional(text(100)),
    awaitingAnswer: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  strict,
);
export type ListQuery = Static<typeof ListQuery>;

/** Body of the department's answer. */
export const AnswerBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal("adopted"), Type.Literal("partly_adopted"), Type.Literal("not_adopted")]),
    answer: text(4000),
  },
  strict,
);
export type AnswerBody = Static<typeof AnswerBody>;

/** Body of a progress note (an adopted idea's implementation). */
export const ProgressBody = Type.Object({ text: text(2000), implemented: Type.Optional(Type.Boolean()) }, strict);
export type ProgressBody = Static<typeof ProgressBody>;

/** Body of the settings (programme admins). */
export const SettingsBody = Type.Object(
  {
    supportThreshold: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    answerWorkingDays: Type.Integer({ minimum: 1, maximum: 120 }),
  },
  strict,
);
