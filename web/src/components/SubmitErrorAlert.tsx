import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { describeError } from "./ErrorResult";
import { VersionConflictAlert } from "./VersionConflictAlert";

/** The error of a form submission: a version conflict with its reload button, or the server's message. */
export function SubmitErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === "version_conflict" && onReload) {
    return <VersionConflictAlert onReload={onReload} />;
  }
  const fieldCount = error instanceof ApiError ? Object.keys(error.fields).length : 0;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="submit-error"
      className="form-alert"
      title={fieldCount > 0 ? t("error.checkFields") : describeError(error, t)}
      description={fieldCount > 0 && error instanceof ApiError && !Object.values(error.fields).includes(error.message) ? error.message : undefined}
    />
  );
}
