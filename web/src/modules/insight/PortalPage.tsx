// 政务公开: the one public entry to what the city publishes, each item linking to its page (no login needed).
import { Card, Col, Row, Typography } from "antd";
import {
  AuditOutlined,
  BarChartOutlined,
  FundOutlined,
  BulbOutlined,
  CalculatorOutlined,
  CommentOutlined,
  DatabaseOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TrophyOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";

/** What the portal lists: the public pages of the installed modules. */
export const portalItems = [
  { key: "Indicators", to: "/portal/indicators", icon: <BarChartOutlined /> },
  { key: "OpenData", to: "/portal/open-data", icon: <DatabaseOutlined /> },
  { key: "Approvals", to: "/portal/approvals", icon: <AuditOutlined /> },
  { key: "SelfCheck", to: "/points/self-check", icon: <CalculatorOutlined /> },
  { key: "PointsLists", to: "/points/lists", icon: <OrderedListOutlined /> },
  { key: "AssistanceLists", to: "/assistance/lists", icon: <SolutionOutlined /> },
  { key: "Campaigns", to: "/campaigns", icon: <TeamOutlined /> },
  { key: "Suggestions", to: "/suggestions", icon: <BulbOutlined /> },
  { key: "Consultations", to: "/consultations", icon: <CommentOutlined /> },
  { key: "QualifiedVendors", to: "/services/qualified", icon: <SafetyCertificateOutlined /> },
  // Results of the city's grants and purchases: the innovation fund's and the purchased services' awards.
  { key: "FundResults", to: "/fund/results", icon: <FundOutlined /> },
  { key: "ServiceAwards", to: "/services/awards", icon: <TrophyOutlined /> },
];

/** The public portal's front page. */
export function PortalPage() {
  const { t } = useTranslation();
  return (
    <div className="page-stack public-page" data-testid="portal-page">
      <Typography.Title level={2}>{t("insight.portalTitle")}</Typography.Title>
      <Typography.Paragraph>{t("insight.portalIntro")}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {portalItems.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={8}>
            <Link to={item.to} data-testid={`portal-${item.key}`}>
              <Card hoverable className="service-card">
                <div className="service-icon">{item.icon}</div>
                <Typography.Title level={4}>{t(`insight.portal${item.key}`)}</Typography.Title>
                <Typography.Paragraph type="secondary">{t(`insight.portal${item.key}Body`)}</Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
