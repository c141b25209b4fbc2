import { Type, type TSchema } from "typebox";
import { problemStatuses, type ProblemCode } from "../problems";

// Response shapes shared by the platform's and the modules' routes (OpenAPI at /api/docs). Fastify serialises
// with them, so every field the web app reads must be listed, and a field that may be null must say so.

/** A schema that also allows null. */
export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** The fields of the one error shape, with the schema of its `code`. */
function errorShape(code: TSchema, description: string) {
  return Type.Object(
    {
      error: Type.Object(
        {
          code,
          message: Type.String(),
          fields: Type.Record(Type.String(), Type.String()),
          lockedUntil: Type.Optional(
            Type.String({ format: "date-time", description: "423 account_locked: when the lock ends" }),
          ),
        },
        { additionalProperties: true },
      ),
    },
    { description },
  );
}

/** The one error shape: `{ error: { code, message, fields } }` (423 adds `lockedUntil`). */
export const ErrorResponse = errorShape(
  Type.String({ description: "A problem code (src/platform/problems.ts)" }),
  "Every error answer",
);

/** The listed problem codes that answer with the given status. */
export function problemCodesWithStatus(status: number): ProblemCode[] {
  return (Object.keys(problemStatuses) as ProblemCode[]).filter((code) => problemStatuses[code] === status);
}

/**
 * The error answer of one status, its `code` typed: a 400 is `validation_failed` (or another listed 400 code) or a
 * command's own input code naming what is wrong; every other status answers only with the codes listed for it.
 */
export function errorResponseFor(status: number): TSchema {
  const codes = problemCodesWithStatus(status);
  if (status === 400 || codes.length === 0) return ErrorResponse;
  const code = Type.Unsafe<ProblemCode>({ type: "string", enum: codes, description: `The problem codes of ${status}` });
  return errorShape(code, `Error answer ${status}: ${codes.join(", ")}`);
}

/** The error answers every route may give. */
export const errorResponses = { "4xx": ErrorResponse } as const;

/** A page of a list: `{ items, total, page, pageSize }`. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

/** A role grant as the API shows it. */
export const RoleGrantResponse = Type.Object({
  role: Type.String(),
  townCode: nullable(Type.String()),
  departmentCode: nullable(Type.String()),
});

/** The signed-in user (login and /auth/me). */
export const UserResponse = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  personId: nullable(Type.String()),
  roles: Type.Array(RoleGrantResponse),
});

/** `{ user, abilities, csrfToken }` of login and /auth/me. */
export const SessionResponse = Type.Object({
  user: UserResponse,
  abilities: Type.Record(Type.String(), Type.Boolean()),
  csrfToken: nullable(Type.String()),
});

/** An account as administrators see it (never the password hash). */
export const AccountResponse = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  personId: nullable(Type.String()),
  roles: Type.Array(RoleGrantResponse),
  disabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: "date-time" }),
});

/** The answer of the person lookup by exact ID number. */
export const PersonLookupResponse = Type.Object({
  personId: Type.String(),
  maskedName: Type.String({ description: "张*明" }),
  linkedAccounts: Type.Array(Type.String()),
});
