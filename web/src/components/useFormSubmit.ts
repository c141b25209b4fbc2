import { useState } from "react";
import type { FormInstance } from "antd";
import { applyFieldErrors } from "../api/client";

/** The state of a form's submission: the last error, whether it is saving, and the submit and clear actions. */
export interface FormSubmission<Values> {
  error: unknown;
  saving: boolean;
  submit: (values: Values) => Promise<void>;
  clearError: () => void;
}

/**
 * Runs a form's request with the shared conventions: a saving flag, server field errors under their fields,
 * the error kept for the alert above the form, and `onFailure` (e.g. a new Idempotency-Key) after a refusal.
 */
export function useFormSubmit<Values>(form: FormInstance, send: (values: Values) => Promise<void>, onFailure?: () => void): FormSubmission<Values> {
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await send(values);
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
      onFailure?.();
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, submit, clearError: () => setError(null) };
}
