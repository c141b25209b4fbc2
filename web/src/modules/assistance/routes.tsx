// The assistance module's console menu entries and routes (clerks, civil affairs, the price department).
import {
  FundOutlined,
  HeartOutlined,
  LineChartOutlined,
  RiseOutlined,
  SolutionOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";
import "./text";
import "./text.resident";
import "./text.staff";
import { CaseCreatePage } from "./CaseCreatePage";
import { CaseListPage } from "./CaseListPage";
import { CasePage } from "./CasePage";
import { CpiPage } from "./CpiPage";
import { PayrollPage } from "./PayrollPage";
import "./text.lists";
import "./text.referrals";

/** Case list and case page, payroll summary, CPI entry. */
export const assistanceModule: ConsoleModule = {
  name: "assistance",
  menu: [
    { path: "assistance/mine", labelKey: "nav.assistanceMine", icon: <HeartOutlined />, ability: "assistance.apply" },
    {
      path: "assistance/cases",
      labelKey: "nav.assistance",
      icon: <SolutionOutlined />,
      ability: "assistance.cases.read",
    },
    {
      path: "assistance/referrals",
      labelKey: "nav.assistanceReferrals",
      icon: <SwapOutlined />,
      ability: "assistance.referrals",
    },
    {
      path: "assistance/payroll",
      labelKey: "nav.assistancePayroll",
      icon: <FundOutlined />,
      ability: "assistance.payroll.read",
    },
    {
      path: "assistance/cpi",
      labelKey: "nav.assistanceCpi",
      icon: <LineChartOutlined />,
      ability: "assistance.cpi.read",
    },
    {
      path: "assistance/standards",
      labelKey: "nav.assistanceStandards",
      icon: <RiseOutlined />,
      ability: "assistance.standards.read",
    },
  ],
  routes: [
    {
      path: "assistance/mine",
      element: lazyPage(
        () => import("./MyAssistancePage"),
        (module) => module.MyAssistancePage,
      ),
      ability: "assistance.apply",
    },
    { path: "assistance/cases", element: <CaseListPage />, ability: "assistance.cases.read" },
    { path: "assistance/cases/new", element: <CaseCreatePage />, ability: "assistance.cases.create" },
    { path: "assistance/cases/:id", element: <CasePage />, ability: "assistance.cases.read" },
    {
      path: "assistance/referrals",
      element: lazyPage(
        () => import("./ReferralsPage"),
        (module) => module.ReferralsPage,
      ),
      ability: "assistance.referrals",
    },
    { path: "assistance/payroll", element: <PayrollPage />, ability: "assistance.payroll.read" },
    { path: "assistance/cpi", element: <CpiPage />, ability: "assistance.cpi.read" },
    {
      path: "assistance/standards",
      element: lazyPage(
        () => import("./StandardsPage"),
        (module) => module.StandardsPage,
      ),
      ability: "assistance.standards.read",
    },
  ],
  publicRoutes: [
    {
      path: "assistance/lists",
      element: lazyPage(
        () => import("./PublicListsPage"),
        (module) => module.PublicListsPage,
      ),
      navLabelKey: "nav.assistanceLists",
    },
  ],
};
