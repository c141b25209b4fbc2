import { Button, Card, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { ChainVerification } from "../audit/ChainVerification";

/** Auditor home: verify the hash chain at once, and a way into the full log. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Card size="small" title={t("home.auditTitle")} data-testid="audit-panel">
      <Space orientation="vertical" className="page-stack">
        <Typography.Text type="secondary">{t("audit.chainExplain")}</Typography.Text>
        {can(ability.auditVerify) ? <ChainVerification /> : null}
        <Link to="/console/audit">
          <Button type="link">{t("home.openAuditLog")}</Button>
        </Link>
      </Space>
    </Card>
  );
}
