import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** A whole-page answer to a failed load: 404 is "not found or no access", never telling which. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404) {
    return (
      <Result
        status="404"
        title={t("error.notFoundOrNoAccess")}
        data-testid="not-found-or-no-access"
        extra={<Button onClick={() => navigate(-1)}>{t("action.back")}</Button>}
      />
    );
  }
  if (status === 403) {
    return <Result status="403" title={t("error.forbidden")} data-testid="forbidden" />;
  }
  return (
    <Result
      status="error"
      title={t("error.loadFailed")}
      subTitle={describeError(error, t)}
      extra={onRetry ? <Button onClick={onRetry}>{t("action.retry")}</Button> : undefined}
    />
  );
}

/** A one-line explanation of an API error for alerts and messages. */
export function describeError(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError)) return t("error.unexpected");
  switch (error.status) {
    case 0:
      return t("error.network");
    case 404:
      return t("error.notFoundOrNoAccess");
    case 403:
      return error.code === "csrf_required" ? t("error.csrf") : t("error.forbidden");
    case 409:
      return error.code === "version_conflict" ? t("error.versionConflict") : error.message || t("error.conflict");
    case 413:
      return t("error.tooLarge");
    case 429:
      return t("error.rateLimited");
    default:
      return error.message || t("error.unexpected");
  }
}
