import type { ReactNode } from "react";
import { Button, Card, Col, Row, Space, Typography } from "antd";
import {
  AuditOutlined,
  HeartOutlined,
  NodeIndexOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { consoleModules } from "../modules";
import { useSession } from "../session/SessionContext";
import { resolveServiceLinks, type HomeService } from "./homeLinks";
import { TownList } from "./TownList";

/** Each card's links, to the public pages the app has. */
const links = resolveServiceLinks(consoleModules.flatMap((module) => module.publicRoutes ?? []));

const services: { key: HomeService; icon: ReactNode }[] = [
  { key: "points", icon: <TrophyOutlined /> },
  { key: "assistance", icon: <HeartOutlined /> },
  { key: "participation", icon: <TeamOutlined /> },
  { key: "procurement", icon: <ShopOutlined /> },
  { key: "coordination", icon: <NodeIndexOutlined /> },
  { key: "privacy", icon: <AuditOutlined /> },
];

/** The public front page: what Gongzhi does, in plain words, each service with links to its public pages, and the 24 镇区. */
export function HomePage() {
  const { t } = useTranslation();
  const { status } = useSession();
  return (
    <div className="home-page">
      <section className="hero">
        <Typography.Title level={1} className="hero-title">
          {t("public.heroTitle")}
        </Typography.Title>
        <Typography.Paragraph className="hero-lead">{t("public.heroLead")}</Typography.Paragraph>
        <Link to={status === "signedIn" ? "/console" : "/login"}>
          <Button type="primary" size="large" data-testid="hero-login">
            {status === "signedIn" ? t("nav.console") : t("public.loginCall")}
          </Button>
        </Link>
      </section>

      <section className="home-section">
        <Typography.Title level={3}>{t("public.servicesTitle")}</Typography.Title>
        <Row gutter={[16, 16]}>
          {services.map((service) => (
            <Col key={service.key} xs={24} sm={12} lg={8}>
              <Card className="service-card" data-testid={`service-${service.key}`}>
                <div className="service-icon">{service.icon}</div>
                <Typography.Title level={5}>{t(`service.${service.key}.title`)}</Typography.Title>
                <Typography.Paragraph type="secondary">{t(`service.${service.key}.body`)}</Typography.Paragraph>
                <nav aria-label={t("public.serviceLinks", { service: t(`service.${service.key}.title`) })}>
                  <Space wrap size={[16, 4]}>
                    {links[service.key].map((link) => (
                      <Link key={link.to} to={link.to} data-testid={`service-${service.key}-link`}>
                        {t(link.labelKey)}
                      </Link>
                    ))}
                  </Space>
                </nav>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section className="home-section" id="towns">
        <Typography.Title level={3}>{t("public.townsTitle")}</Typography.Title>
        <TownList />
      </section>
    </div>
  );
}
