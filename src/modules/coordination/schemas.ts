/** Request schemas of the coordination module (unknown fields refused). */
import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const code = Type.String({ minLength: 1, maxLength: 60 });
const isoDate = Type.String({ format: "date" });

/** Path parameter `:id` (a UUID). */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);

/** One task: department, what to do, working days (1–60). */
export const TaskBody = Type.Object(
  {
    departmentCode: code,
    description: Type.String({ minLength: 1, maxLength: 500 }),
    workingDays: Type.Integer({ minimum: 1, maximum: 60 }),
  },
  strict,
);
export type TaskBody = Static<typeof TaskBody>;

/** Opens a joint case. */
export const CaseCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    leadDepartment: code,
    townCode: Type.Optional(Type.Union([code, Type.Null()])),
    tasks: Type.Array(TaskBody, { minItems: 1, maxItems: 20 }),
  },
  strict,
);

/** Filters of the case list. */
export const CaseListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("closed")])) },
  strict,
);

/** Completes a task. */
export const CompleteBody = Type.Object({ answer: Type.String({ minLength: 1, maxLength: 4000 }) }, strict);

/** Plans a meeting. */
export const MeetingCreateBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), heldOn: isoDate },
  strict,
);

/** Records a held meeting. */
export const MeetingRecordBody = Type.Object(
  {
    attendees: Type.Array(
      Type.Object(
        { departmentCode: code, name: Type.String({ minLength: 1, maxLength: 100 }), present: Type.Boolean() },
        strict,
      ),
      { minItems: 1, maxItems: 60 },
    ),
    minutes: Type.String({ minLength: 1, maxLength: 20000 }),
    decisions: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 }),
    actionItems: Type.Array(TaskBody, { maxItems: 50 }),
  },
  strict,
);
