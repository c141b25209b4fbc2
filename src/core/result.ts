/** Expected failures are values, not exceptions: a command returns a Result, and throws only for bugs. */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** A refusal a user can act on: a machine code, a message, and the field it concerns when there is one. */
export interface Problem {
  code: string;
  message: string;
  field?: string;
  /** More than one field at fault (e.g. every bad row of an import), each with its message. */
  fields?: Record<string, string>;
}

/** Wraps a success value. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
