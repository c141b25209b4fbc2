import { Button, Layout, Space } from "antd";
import { Link, Outlet, useLocation } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { consoleModules } from "../modules";
import { useSession } from "../session/SessionContext";
import { BrandMark } from "./BrandMark";
import { LanguageSwitch } from "./LanguageSwitch";

const publicLinks = consoleModules.flatMap((module) => module.publicRoutes ?? []).filter((route) => route.navLabelKey);

/** Pages anyone may see: header with the language switch and a login (or console) link, content, footer. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { status } = useSession();
  const onLoginPage = useLocation().pathname === "/login";
  return (
    <Layout className="public-layout">
      <Layout.Header className="public-header">
        <div className="public-header-main">
          <BrandMark />
          <nav className="public-nav" data-testid="public-nav">
            {publicLinks.map((route) => (
              <Link key={route.path} to={`/${route.path}`}>
                {t(route.navLabelKey!)}
              </Link>
            ))}
          </nav>
        </div>
        <Space size="middle">
          <LanguageSwitch />
          {status === "signedIn" ? (
            <Link to="/console">
              <Button type="primary" data-testid="go-console">
                {t("nav.console")}
              </Button>
            </Link>
          ) : onLoginPage ? null : (
            <Link to="/login">
              <Button type="primary" data-testid="go-login">
                {t("nav.login")}
              </Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="public-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="public-footer">{t("public.footer")}</Layout.Footer>
    </Layout>
  );
}
