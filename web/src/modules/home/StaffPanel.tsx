import { Card, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { RoleTags } from "../../components/RoleTags";
import { useSession } from "../../session/SessionContext";
import { RegistrySearchBox } from "../registry/RegistrySearchBox";

/** Staff home: the user's scope and a quick registry search that opens the search page with results. */
export function StaffPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const cityWide = (user?.roles ?? []).some((grant) => !grant.townCode && grant.role !== "resident");
  return (
    <Card size="small" title={t("home.registryTitle")} data-testid="staff-panel">
      <Space orientation="vertical" className="page-stack">
        <div>
          <Typography.Text type="secondary">{t("home.scope")}: </Typography.Text>
          <RoleTags roles={user?.roles} />
          {cityWide ? <Typography.Text type="secondary"> {t("home.cityWide")}</Typography.Text> : null}
        </div>
        <RegistrySearchBox
          autoFocus
          onSearch={(query) => query && navigate(`/console/registry?kind=persons&q=${encodeURIComponent(query)}`)}
        />
        <Typography.Text type="secondary">{t("home.searchShortcut")}</Typography.Text>
      </Space>
    </Card>
  );
}
