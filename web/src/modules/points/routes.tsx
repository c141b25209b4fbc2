// The points module's console menu entries and routes.
import { AuditOutlined, CalculatorOutlined, FileSearchOutlined, OrderedListOutlined, TrophyOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { CyclesPage } from "./CyclesPage";
import { registerPointsStrings } from "./i18n";
import { ListsPage } from "./ListsPage";
import { MyPointsPage } from "./MyPointsPage";
import { QueuePage } from "./QueuePage";
import { SelfCheckPage } from "./SelfCheckPage";

registerPointsStrings();

/** Points for migrants: self-check, the resident's points, the verification queue, cycles and runs, publicity lists. */
export const pointsModule: ConsoleModule = {
  name: "points",
  menu: [
    { path: "points/me", labelKey: "nav.myPoints", icon: <TrophyOutlined />, ability: "points.own" },
    { path: "points/queue", labelKey: "nav.queue", icon: <AuditOutlined />, ability: "points.queue" },
    { path: "points/cycles", labelKey: "nav.cycles", icon: <OrderedListOutlined />, ability: "points.programme.read" },
    { path: "points/lists", labelKey: "nav.lists", icon: <FileSearchOutlined /> },
    { path: "points/self-check", labelKey: "nav.selfCheck", icon: <CalculatorOutlined /> },
  ],
  routes: [
    { path: "points/me", element: <MyPointsPage />, ability: "points.own" },
    { path: "points/queue", element: <QueuePage />, ability: "points.queue" },
    { path: "points/cycles", element: <CyclesPage />, ability: "points.programme.read" },
    { path: "points/lists", element: <ListsPage /> },
    { path: "points/self-check", element: <SelfCheckPage /> },
  ],
  publicRoutes: [
    { path: "points/self-check", element: <SelfCheckPage />, navLabelKey: "nav.selfCheck" },
    { path: "points/lists", element: <ListsPage />, navLabelKey: "nav.lists" },
  ],
};
