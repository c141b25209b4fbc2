import { Button, Card, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router-dom";
import { ability } from "../../session/abilities";
import { useTranslation } from "react-i18next";
import { RoleTags } from "../../components/RoleTags";
import { useSession } from "../../session/SessionContext";
import { RegistrySearchBox } from "../registry/RegistrySearchBox";

/** Staff home: the user's scope, and (when allowed) a quick registry search that opens the search page with results. */
export function StaffPanel() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      title={can(ability.registrySearch) ? t("home.registryTitle") : t("home.scopeTitle")}
      data-testid="staff-panel"
    >
      <Space orientation="vertical" className="page-stack">
        <div>
          <Typography.Text type="secondary">{t("home.scope")}: </Typography.Text>
          <RoleTags roles={user?.roles} />
        </div>
        {can(ability.registrySearch) ? (
          <>
            <RegistrySearchBox
              autoFocus
              onSearch={(query) => query && navigate(`/console/registry?kind=persons&q=${encodeURIComponent(query)}`)}
            />
            <Typography.Text type="secondary">{t("home.searchShortcut")}</Typography.Text>
          </>
        ) : null}
        {can(ability.registryWrite) ? (
          <Space>
            <Link to="/console/registry/persons/new">
              <Button icon={<PlusOutlined />}>{t("registry.registerPerson")}</Button>
            </Link>
            <Link to="/console/registry/households/new">
              <Button icon={<PlusOutlined />}>{t("registry.registerHousehold")}</Button>
            </Link>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
