import { useEffect, useState } from "react";
import { Button, Grid, Layout, Spin } from "antd";
import { MenuOutlined } from "@ant-design/icons";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useSession } from "../session/SessionContext";
import { BrandMark } from "./BrandMark";
import { ConsoleMenu } from "./ConsoleMenu";
import { UserBar } from "./UserBar";

/**
 * The signed-in frame every module renders into: left menu from abilities, header with the user bar. Below the
 * `lg` breakpoint the menu folds to its icons; on a phone (below `sm`) it folds away entirely and a menu button
 * in the header opens it over the page, closing again once a page is chosen.
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { status } = useSession();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    if (phone) setCollapsed(true);
  }, [phone, location.pathname]);
  if (status === "loading") return <Spin size="large" className="page-spinner" />;
  if (status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <Layout className={phone ? "console-layout console-layout-phone" : "console-layout"}>
      <Layout.Sider
        width={208}
        breakpoint="lg"
        collapsed={collapsed}
        onBreakpoint={(broken) => setCollapsed(broken)}
        collapsedWidth={phone ? 0 : 56}
        trigger={null}
        theme="light"
        className="console-sider"
      >
        <div className="console-brand">
          <BrandMark to="/console" />
        </div>
        <ConsoleMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <UserBar />
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.menu")}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
              className="console-menu-button"
              data-testid="console-menu-button"
            />
          ) : null}
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
