import { useRef, useState } from "react";
import type { FormInstance } from "antd";
import { useTranslation } from "react-i18next";
import { newIdempotencyKey, type FieldMap } from "../api/client";
import { runSubmission, type SubmitState } from "./submission";

/** Options of useSubmit. */
export interface SubmitOptions {
  /** Loads the newer record after a 409 version_conflict (the alert's reload button); the error is cleared first. */
  onReload?: () => void;
  /** Called after a failure (e.g. to clear the result of the previous submission). */
  onFailure?: (error: unknown) => void;
  /**
   * Server field → form field, when the form names a field unlike the request body (`child.idNumber` → `childId`);
   * a message for a field the form does not have is listed in the alert instead.
   */
  fieldMap?: FieldMap;
}

/** A form's submission as useSubmit gives it. */
export interface Submission<Values, Result> {
  saving: boolean;
  /** The error of the last attempt (null when none). */
  error: unknown;
  /** Sends the values; resolves to the result, or undefined when it failed (the error is then shown). Never rejects. */
  submit: (values: Values) => Promise<Result | undefined>;
  clearError: () => void;
  /** Shows an error found outside a submission (e.g. a lookup) the same way. */
  showError: (error: unknown) => void;
  /** Spread into `<SubmitErrorAlert {...alert} />` or FormModal: the error and the reload of a version conflict. */
  alert: { error: unknown; onReload?: () => void };
}

/**
 * The one way a web form sends: a saving flag, the server's field errors (`{ error: { code, message, fields } }`)
 * under the antd Form's fields, the general message for the alert above the form, a 409 version conflict offered
 * as a reload, and an Idempotency-Key per submission (`send` gets it; renewed after every answer).
 */
export function useSubmit<Values, Result = unknown>(
  form: FormInstance | null,
  send: (values: Values, idempotencyKey: string) => Promise<Result>,
  options: SubmitOptions = {},
): Submission<Values, Result> {
  const [state, setState] = useState<SubmitState>({ saving: false, error: null });
  const key = useRef<string | null>(null);
  key.current ??= newIdempotencyKey();
  const { t } = useTranslation();
  const { onReload, onFailure, fieldMap } = options;
  return {
    saving: state.saving,
    error: state.error,
    submit: (values) =>
      runSubmission(values, send, {
        update: setState,
        form,
        key: key as { current: string },
        onFailure,
        fieldMap,
        invalidDateMessage: t("error.invalidDate"),
      }),
    clearError: () => setState((current) => ({ ...current, error: null })),
    showError: (error) => setState((current) => ({ ...current, error })),
    alert: {
      error: state.error,
      onReload: onReload
        ? () => {
            setState((current) => ({ ...current, error: null }));
            onReload();
          }
        : undefined,
    },
  };
}
