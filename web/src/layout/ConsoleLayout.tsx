import { Layout, Spin } from "antd";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useSession } from "../session/SessionContext";
import { BrandMark } from "./BrandMark";
import { ConsoleMenu } from "./ConsoleMenu";
import { UserBar } from "./UserBar";

/** The signed-in frame every module renders into: left menu from abilities, header with the user bar. */
export function ConsoleLayout() {
  const { status } = useSession();
  const location = useLocation();
  if (status === "loading") return <Spin size="large" className="page-spinner" />;
  if (status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <Layout className="console-layout">
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={56} theme="light" className="console-sider">
        <div className="console-brand">
          <BrandMark to="/console" />
        </div>
        <ConsoleMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <UserBar />
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
