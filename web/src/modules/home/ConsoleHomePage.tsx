import { Col, Empty, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AdminPanel } from "./AdminPanel";
import { AuditPanel } from "./AuditPanel";
import { ProfilePanel } from "./ProfilePanel";
import { StaffPanel } from "./StaffPanel";

/** The role home after login: one panel per thing the session may do (own record, registry, audit, accounts). */
export function ConsoleHomePage() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const staff = (user?.roles ?? []).some((grant) => grant.role !== "resident");
  const panels = [
    (staff || can(ability.registrySearch)) && <StaffPanel key="staff" />,
    can(ability.auditRead) && <AuditPanel key="audit" />,
    can(ability.accountsManage) && <AdminPanel key="admin" />,
  ].filter(Boolean);
  const resident = can(ability.profileRead);
  return (
    <div className="page-stack">
      <Typography.Title level={4} className="page-title" data-testid="console-home-title">
        {t("home.greeting", { name: user?.displayName || user?.username })}
      </Typography.Title>
      {resident ? <ProfilePanel /> : null}
      <Row gutter={[16, 16]} className="stack-gap">
        {panels.map((panel, index) => (
          <Col key={index} xs={24} xl={panels.length > 1 ? 12 : 24}>
            {panel}
          </Col>
        ))}
      </Row>
      {!resident && panels.length === 0 ? <Empty description={t("home.nothingYet")} /> : null}
    </div>
  );
}
