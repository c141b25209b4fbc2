import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { describeError } from "./ErrorResult";
import { submitErrorView } from "./submission";
import { VersionConflictAlert } from "./VersionConflictAlert";

/** The error of a form submission: a version conflict with its reload button, or the server's message. */
export function SubmitErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const view = submitErrorView(error, onReload !== undefined);
  if (view.kind === "none") return null;
  if (view.kind === "conflict" && onReload) return <VersionConflictAlert onReload={onReload} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="submit-error"
      className="form-alert"
      title={view.kind === "fields" ? t("error.checkFields") : describeError(error, t)}
      description={view.kind === "fields" ? view.message : undefined}
    />
  );
}
