import { Type, type Static, type TSchema } from "typebox";

const strict = { additionalProperties: false } as const;

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
/** Path parameters of an export. */
export const ExportParams = Type.Object(
  { id: Type.String({ format: "uuid" }), format: Type.Union([Type.Literal("xlsx"), Type.Literal("pdf")]) },
  strict,
);
/** Filter of the public lists. */
export const ListsQuery = Type.Object(
  {
    kind: Type.Optional(Type.String({ maxLength: 60 })),
    townCode: Type.Optional(Type.String({ maxLength: 40 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  strict,
);
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
    status: Type.Optional(
      Type.Union(["received", "forwarded", "upheld", "rejected"].map((value) => Type.Literal(value))),
    ),
    listId: Type.Optional(Type.String({ format: "uuid" })),
    overdue: Type.Optional(Type.Boolean()),
  },
  strict,
);
/** Body of POST /publicity/objections/:id/forward. */
export const ForwardBody = Type.Object(
  { departmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) },
  strict,
);
/** Body of POST /publicity/objections/:id/answer. */
export const AnswerBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("upheld"), Type.Literal("rejected")]),
    answer: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  strict,
);

// Response shapes (OpenAPI; Fastify serialises with them, so every field the web app reads is listed).
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const EntryValue = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const EntryValues = Type.Record(Type.String(), EntryValue);

/** A list header for anyone. */
export const ListResponse = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  townCode: nullable(Type.String()),
  startDate: Type.String({ format: "date" }),
  workingDays: Type.Integer(),
  endDate: Type.String({ format: "date" }),
  /** Whether the publicity period is over today (server clock): a list still 公示中 past it awaits its final version. */
  periodEnded: Type.Boolean(),
  status: Type.Union([Type.Literal("publicised"), Type.Literal("final"), Type.Literal("superseded")]),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  publishedAt: Type.String({ format: "date-time" }),
  entryCount: Type.Integer(),
});
/** The public lists. */
export const ListsResponse = Type.Object({
  items: Type.Array(ListResponse),
  total: Type.Integer({ description: "how many lists match (all pages)" }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
/** A page of a list's entries (masked). */
export const EntriesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: nullable(Type.Number()),
      maskedName: Type.String(),
      maskedIdNumber: Type.String(),
      townCode: nullable(Type.String()),
      values: EntryValues,
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
/** The answered objections of a list (never who raised them) and how many are pending. */
export const ObjectionOutcomesResponse = Type.Object({
  pending: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      entryId: Type.String(),
      rank: nullable(Type.Number()),
      maskedName: Type.String(),
      indicator: nullable(Type.String()),
      status: Type.String(),
      answer: nullable(Type.String()),
      answeredOn: nullable(Type.String({ format: "date" })),
    }),
  ),
});
const RankedValues = nullable(Type.Object({ rank: nullable(Type.Number()), values: EntryValues }));
/** What changed since the previous version of a list. */
export const DifferencesResponse = Type.Object({
  previousVersion: nullable(Type.Integer()),
  items: Type.Array(
    Type.Object({
      maskedName: Type.String(),
      changed: Type.Array(Type.String()),
      before: RankedValues,
      after: RankedValues,
    }),
  ),
});
/** An objection for staff and the person who raised it, with its current deadline. */
export const ObjectionResponse = Type.Object({
  id: Type.String(),
  listId: Type.String(),
  entryId: Type.String(),
  townCode: nullable(Type.String()),
  indicator: nullable(Type.String()),
  departmentCode: nullable(Type.String()),
  reason: Type.String(),
  raisedOn: Type.String({ format: "date" }),
  forwardDue: Type.String({ format: "date" }),
  checkDue: Type.String({ format: "date" }),
  status: Type.Union(["received", "forwarded", "upheld", "rejected"].map((value) => Type.Literal(value))),
  answer: nullable(Type.String()),
  answeredOn: nullable(Type.String({ format: "date" })),
  fileIds: Type.Array(Type.String()),
  version: Type.Integer(),
  listTitle: Type.Optional(Type.String({ description: "the list's title (in queues and one's own objections)" })),
  listVersion: Type.Optional(Type.Integer()),
  rank: Type.Optional(nullable(Type.Integer())),
  maskedName: Type.Optional(Type.String({ description: "the contested entry's masked name" })),
  deadline: Type.Object({
    stage: nullable(Type.Union([Type.Literal("forward"), Type.Literal("check")])),
    due: nullable(Type.String({ format: "date" })),
    overdue: Type.Boolean(),
  }),
});
/** The objection queue. */
export const ObjectionsResponse = Type.Object({ items: Type.Array(ObjectionResponse) });
