import type { ReactNode } from "react";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { describeError } from "./ErrorResult";
import { submitErrorView } from "./submission";
import { VersionConflictAlert } from "./VersionConflictAlert";

/**
 * The error of a form submission: a version conflict with its reload button, or the server's message. When the
 * server names fields the form shows, they are marked red; every message no field shows is listed here.
 */
export function SubmitErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const view = submitErrorView(error, onReload !== undefined);
  if (view.kind === "none") return null;
  if (view.kind === "conflict" && onReload) return <VersionConflictAlert onReload={onReload} />;
  let title: string;
  let description: ReactNode;
  if (view.kind !== "fields") {
    title = describeError(error, t);
  } else if (view.others.length === 0) {
    title = t("error.checkFields");
    description = view.message;
  } else if (view.marked === 0 && view.others.length === 1) {
    title = view.others[0]!;
    description = view.message;
  } else {
    title = view.marked > 0 ? t("error.checkFieldsAndBelow") : t("error.fixBelow");
    description = (
      <ul className="submit-error-list" data-testid="submit-error-list">
        {view.others.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="submit-error"
      className="form-alert"
      title={title}
      description={description}
    />
  );
}
