import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";

/** Tells the user someone else saved first; the reload button fetches the newer record (nothing is overwritten). */
export function VersionConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="version-conflict"
      className="form-alert"
      title={t("error.versionConflictTitle")}
      description={t("error.versionConflict")}
      action={
        <Button size="small" type="primary" onClick={onReload} data-testid="version-conflict-reload">
          {t("action.reload")}
        </Button>
      }
    />
  );
}
