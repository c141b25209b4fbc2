// The insight module's pages: the staff dashboard in the console; the public portal, the public dashboard and the
// open data page (no login).
import { DashboardOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const dashboard = () => import("./DashboardPage");
const publicDashboard = () => import("./PublicDashboardPage");
const openData = () => import("./OpenDataPage");
const portal = () => import("./PortalPage");

/** 城市指标看板 for staff; 政务公开 (portal, indicators, open data) for everyone. */
export const insightModule: ConsoleModule = {
  name: "insight",
  menu: [
    {
      path: "insight/dashboard",
      labelKey: "insight.navDashboard",
      icon: <DashboardOutlined />,
      ability: "insight.dashboard",
    },
  ],
  routes: [
    {
      path: "insight/dashboard",
      element: lazyPage(dashboard, (module) => module.DashboardPage),
      ability: "insight.dashboard",
    },
  ],
  publicRoutes: [
    { path: "portal", element: lazyPage(portal, (module) => module.PortalPage), navLabelKey: "insight.navPortal" },
    { path: "portal/indicators", element: lazyPage(publicDashboard, (module) => module.PublicDashboardPage) },
    { path: "portal/open-data", element: lazyPage(openData, (module) => module.OpenDataPage) },
  ],
};
