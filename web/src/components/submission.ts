// The plain logic behind useSubmit (no React): one submission's states, the server's field errors placed under the
// form's fields, the Idempotency-Key renewed once the server has answered.
import type { FormInstance } from "antd";
import { ApiError, applyFieldErrors, newIdempotencyKey } from "../api/client";

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
  form: Pick<FormInstance, "setFields"> | null;
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
  { update, form, key, onFailure }: SubmissionHooks,
): Promise<Result | undefined> {
  update({ saving: true, error: null });
  try {
    const result = await send(values, key.current);
    key.current = newIdempotencyKey();
    update({ saving: false, error: null });
    return result;
  } catch (caught) {
    key.current = newIdempotencyKey();
    if (form) applyFieldErrors(form, caught);
    update({ saving: false, error: caught });
    onFailure?.(caught);
    return undefined;
  }
}

/** What the alert above a form shows for a submission error. */
export type SubmitErrorView =
  | { kind: "none" }
  /** Someone else saved first (409 version_conflict): offer to reload, nothing is overwritten. */
  | { kind: "conflict" }
  /** The server named fields (shown under them); `message` is its general message when the fields do not repeat it. */
  | { kind: "fields"; message: string | undefined }
  /** Any other error: one line from describeError. */
  | { kind: "message" };

/** Decides what the alert shows; a conflict is offered as a reload only when the form can reload. */
export function submitErrorView(error: unknown, canReload: boolean): SubmitErrorView {
  if (!error) return { kind: "none" };
  if (error instanceof ApiError && error.code === "version_conflict" && canReload) return { kind: "conflict" };
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    return {
      kind: "fields",
      message: Object.values(error.fields).includes(error.message) ? undefined : error.message || undefined,
    };
  }
  return { kind: "message" };
}
