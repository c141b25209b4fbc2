// The points module's console menu entries and routes.
import { AlertOutlined, AuditOutlined, IdcardOutlined, CalculatorOutlined, FileSearchOutlined, OrderedListOutlined, TrophyOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { CounterPage } from "./CounterPage";
import { CyclesPage } from "./CyclesPage";
import { DeductionPage } from "./DeductionPage";
import { registerPointsStrings } from "./i18n";
import { ListsPage } from "./ListsPage";
import { EnrolmentPage, MyPointsPage } from "./MyPointsPage";
import { QueuePage } from "./QueuePage";
import { SelfCheckPage } from "./SelfCheckPage";

registerPointsStrings();

/** Points for migrants: self-check, the resident's points, the verification queue, cycles and runs, publicity lists. */
export const pointsModule: ConsoleModule = {
  name: "points",
  menu: [
    { path: "points/me", labelKey: "nav.myPoints", icon: <TrophyOutlined />, ability: "points.own" },
    { path: "points/counter", labelKey: "nav.counter", icon: <IdcardOutlined />, ability: "points.counter" },
    { path: "points/queue", labelKey: "nav.queue", icon: <AuditOutlined />, ability: "points.queue" },
    { path: "points/deductions", labelKey: "nav.deductions", icon: <AlertOutlined />, ability: "points.deductions" },
    { path: "points/cycles", labelKey: "nav.cycles", icon: <OrderedListOutlined />, ability: "points.programme.read" },
    { path: "points/lists", labelKey: "nav.lists", icon: <FileSearchOutlined /> },
    { path: "points/self-check", labelKey: "nav.selfCheck", icon: <CalculatorOutlined /> },
  ],
  routes: [
    { path: "points/me", element: <MyPointsPage />, ability: "points.own" },
    { path: "points/counter", element: <CounterPage />, ability: "points.counter" },
    { path: "points/enrolments/:id", element: <EnrolmentPage /> },
    { path: "points/queue", element: <QueuePage />, ability: "points.queue" },
    { path: "points/deductions", element: <DeductionPage />, ability: "points.deductions" },
    { path: "points/cycles", element: <CyclesPage />, ability: "points.programme.read" },
    { path: "points/lists", element: <ListsPage /> },
    { path: "points/self-check", element: <SelfCheckPage /> },
  ],
  publicRoutes: [
    { path: "points/self-check", element: <SelfCheckPage />, navLabelKey: "nav.selfCheck" },
    { path: "points/lists", element: <ListsPage />, navLabelKey: "nav.lists" },
  ],
};
