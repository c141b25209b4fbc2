// The plain logic behind useSubmit (no React): one submission's states, the server's field errors placed under the
// form's fields, the Idempotency-Key renewed once the server has answered.
import type { FormInstance } from "antd";
import dayjs from "dayjs";
import {
  ApiError,
  applyFieldErrors,
  newIdempotencyKey,
  placedCount,
  unplacedMessages,
  type FieldMap,
} from "../api/client";

/** Where a submission stands: whether it is being sent, and the error of the last attempt (null when none). */
export interface SubmitState {
  saving: boolean;
  error: unknown;
}

/** What one submission needs besides the values. */
export interface SubmissionHooks {
  /** Told each new state (React's setState in useSubmit). */
  update: (state: SubmitState) => void;
  /** The antd form that gets the server's per-field messages; null for a submission without fields. */
  form: (Pick<FormInstance, "setFields"> & Partial<Pick<FormInstance, "getFieldsError">>) | null;
  /** Server field → form field, for a form whose fields are named unlike the request body's. */
  fieldMap?: FieldMap;
  /** The message under a date field whose typed text is not a date (nothing is sent then). */
  invalidDateMessage?: string;
  /** The Idempotency-Key of the submission being made; renewed after every answer. */
  key: { current: string };
  /** Called after a failure, once the error is kept (e.g. to clear a result of the previous submission). */
  onFailure?: (error: unknown) => void;
}

/**
 * Sends once: `saving` while the request runs, then either the result (and no error) or the error kept for the
 * alert with its per-field messages put under their fields. The key is renewed after success (the next submission
 * is a new one) and after a refusal (the server stores a refused attempt under its key; the corrected one needs a
 * new key). Resolves to the result, or undefined when the submission failed: it never rejects.
 */
export async function runSubmission<Values, Result>(
  values: Values,
  send: (values: Values, idempotencyKey: string) => Promise<Result>,
  { update, form, key, onFailure, fieldMap, invalidDateMessage }: SubmissionHooks,
): Promise<Result | undefined> {
  // A typed date that is not one (DateInput keeps it as an invalid date): refused here, under its field.
  const invalidDates = invalidDateFields(values);
  if (invalidDates.length > 0) {
    const message = invalidDateMessage ?? "Invalid date";
    const error = new ApiError(
      400,
      "invalid_date",
      message,
      Object.fromEntries(invalidDates.map((name) => [name, message])),
      {},
    );
    if (form) applyFieldErrors(form, error, fieldMap);
    update({ saving: false, error });
    onFailure?.(error);
    return undefined;
  }
  update({ saving: true, error: null });
  try {
    const result = await send(values, key.current);
    key.current = newIdempotencyKey();
    update({ saving: false, error: null });
    return result;
  } catch (caught) {
    key.current = newIdempotencyKey();
    if (form) applyFieldErrors(form, caught, fieldMap);
    update({ saving: false, error: caught });
    onFailure?.(caught);
    return undefined;
  }
}

/** The names of the top-level values that are dates typed wrong (an invalid dayjs). */
export function invalidDateFields(values: unknown): string[] {
  if (!values || typeof values !== "object" || Array.isArray(values)) return [];
  return Object.entries(values as Record<string, unknown>)
    .filter(([, value]) => dayjs.isDayjs(value) && !value.isValid())
    .map(([name]) => name);
}

/** What the alert above a form shows for a submission error. */
export type SubmitErrorView =
  | { kind: "none" }
  /** Someone else saved first (409 version_conflict): offer to reload, nothing is overwritten. */
  | { kind: "conflict" }
  /**
   * The server named fields. `marked`: how many are shown under the form's fields; `others`: the messages no field
   * shows (listed in the alert, so a refusal is never "check the red fields" with nothing red); `message`: the
   * server's general message when it adds to them.
   */
  | { kind: "fields"; marked: number; others: string[]; message: string | undefined }
  /** Any other error: one line from describeError. */
  | { kind: "message" };

/** Decides what the alert shows; a conflict is offered as a reload only when the form can reload. */
export function submitErrorView(error: unknown, canReload: boolean): SubmitErrorView {
  if (!error) return { kind: "none" };
  if (error instanceof ApiError && error.code === "version_conflict" && canReload) return { kind: "conflict" };
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const others = unplacedMessages(error);
    const marked = placedCount(error);
    const repeats = Object.values(error.fields).includes(error.message) || others.includes(error.message);
    return { kind: "fields", marked, others, message: repeats ? undefined : error.message || undefined };
  }
  return { kind: "message" };
}
