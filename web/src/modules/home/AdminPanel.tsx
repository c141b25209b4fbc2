import { Button, Card, Space, Statistic } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Account, Page } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";

/** Admin home: how many accounts there are, and the way to manage them. */
export function AdminPanel() {
  const { t } = useTranslation();
  const { data } = useApiQuery<Page<Account> | Account[]>("/accounts", { page: 1, pageSize: 1 });
  const total = Array.isArray(data) ? data.length : data?.total;
  return (
    <Card size="small" title={t("home.adminTitle")} data-testid="admin-panel">
      <Space size="large" align="center">
        <Statistic title={t("home.accountCount")} value={total ?? "—"} />
        <Link to="/console/accounts">
          <Button type="primary">{t("home.manageAccounts")}</Button>
        </Link>
      </Space>
    </Card>
  );
}
