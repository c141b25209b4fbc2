import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
/** Path parameters of an export. */
export const ExportParams = Type.Object({ id: Type.String({ format: "uuid" }), format: Type.Union([Type.Literal("xlsx"), Type.Literal("pdf")]) }, strict);
/** Filter of the public lists. */
export const ListsQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 60 })), townCode: Type.Optional(Type.String({ maxLength: 40 })) }, strict);
/** Search and paging of entries. */
export const EntriesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  strict,
);
/** Body of POST /publicity/lists/:id/objections. */
export const ObjectionBody = Type.Object(
  {
    entryId: Type.String({ format: "uuid" }),
    indicator: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    fileIds: Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: 10 })),
  },
  strict,
);
export type ObjectionBody = Static<typeof ObjectionBody>;
/** Filter of the objection queue. */
export const ObjectionsQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(["received", "forwarded", "upheld", "rejected"].map((value) => Type.Literal(value)))),
    listId: Type.Optional(Type.String({ format: "uuid" })),
    overdue: Type.Optional(Type.Boolean()),
  },
  strict,
);
/** Body of POST /publicity/objections/:id/forward. */
export const ForwardBody = Type.Object({ departmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) }, strict);
/** Body of POST /publicity/objections/:id/answer. */
export const AnswerBody = Type.Object(
  { decision: Type.Union([Type.Literal("upheld"), Type.Literal("rejected")]), answer: Type.String({ minLength: 1, maxLength: 2000 }) },
  strict,
);
