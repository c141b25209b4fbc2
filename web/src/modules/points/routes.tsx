// The points module's console menu entries and routes.
import {
  AlertOutlined,
  AuditOutlined,
  IdcardOutlined,
  CalculatorOutlined,
  FileSearchOutlined,
  OrderedListOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";
import { registerPointsStrings } from "./i18n";
import { registerPointsRoleStrings } from "./i18n.roles";

registerPointsStrings();
registerPointsRoleStrings();

// Each page loads on first use, so the first page of the app does not carry the points screens.
const myPoints = () => import("./MyPointsPage");
const selfCheck = () =>
  lazyPage(
    () => import("./SelfCheckPage"),
    (module) => module.SelfCheckPage,
  );
const lists = () =>
  lazyPage(
    () => import("./ListsPage"),
    (module) => module.ListsPage,
  );

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
    { path: "points/me", element: lazyPage(myPoints, (module) => module.MyPointsPage), ability: "points.own" },
    {
      path: "points/counter",
      element: lazyPage(
        () => import("./CounterPage"),
        (module) => module.CounterPage,
      ),
      ability: "points.counter",
    },
    { path: "points/enrolments/:id", element: lazyPage(myPoints, (module) => module.EnrolmentPage) },
    {
      path: "points/queue",
      element: lazyPage(
        () => import("./QueuePage"),
        (module) => module.QueuePage,
      ),
      ability: "points.queue",
    },
    {
      path: "points/deductions",
      element: lazyPage(
        () => import("./DeductionPage"),
        (module) => module.DeductionPage,
      ),
      ability: "points.deductions",
    },
    {
      path: "points/cycles",
      element: lazyPage(
        () => import("./CyclesPage"),
        (module) => module.CyclesPage,
      ),
      ability: "points.programme.read",
    },
    { path: "points/lists", element: lists() },
    { path: "points/self-check", element: selfCheck() },
  ],
  publicRoutes: [
    { path: "points/self-check", element: selfCheck(), navLabelKey: "nav.selfCheck" },
    { path: "points/lists", element: lists(), navLabelKey: "nav.lists" },
  ],
};
