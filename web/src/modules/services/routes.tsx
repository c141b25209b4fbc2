// Purchased services (政府购买服务): the vendor portal, the programme admin's needs, award, contracts and evaluation,
// the reviewers' qualification checks and panel scoring, the department's decisions on vendors' recommendations,
// and the public pages: the qualified vendors, the stations, the awards (中标结果) and the satisfaction survey.
import {
  AuditOutlined,
  FileProtectOutlined,
  HomeOutlined,
  NotificationOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
} from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const vendorPortal = () => import("./VendorPortalPage");
const needs = () => import("./NeedsPage");
const need = () => import("./NeedPage");
const vendors = () => import("./VendorsReviewPage");
const panel = () => import("./PanelPage");
const contracts = () => import("./ContractsPage");
const contract = () => import("./ContractPage");
const recommendations = () => import("./RecommendationsPage");
const survey = () => import("./SurveyPage");
const qualified = () => import("./QualifiedVendorsPage");
const stations = () => import("./StationsPage");
const awards = () => import("./AwardsPage");

export const servicesModule: ConsoleModule = {
  name: "services",
  menu: [
    {
      path: "services/vendor",
      labelKey: "services.nav.vendor",
      icon: <ShopOutlined />,
      ability: "services.vendors.register",
    },
    {
      path: "services/needs",
      labelKey: "services.nav.needs",
      icon: <NotificationOutlined />,
      ability: "services.needs.read",
    },
    {
      path: "services/vendors",
      labelKey: "services.nav.vendors",
      icon: <AuditOutlined />,
      ability: "services.vendors.review",
    },
    { path: "services/panel", labelKey: "services.nav.panel", icon: <StarOutlined />, ability: "services.panel" },
    {
      path: "services/contracts",
      labelKey: "services.nav.contracts",
      icon: <FileProtectOutlined />,
      ability: "services.contracts.read",
    },
    {
      path: "services/recommendations",
      labelKey: "services.nav.recommendations",
      icon: <SolutionOutlined />,
      ability: "services.recommendations.decide",
    },
    {
      path: "services/stations",
      labelKey: "services.nav.stations",
      icon: <HomeOutlined />,
      ability: "services.stations.manage",
    },
  ],
  routes: [
    {
      path: "services/vendor",
      element: lazyPage(vendorPortal, (module) => module.VendorPortalPage),
      ability: "services.vendors.register",
    },
    { path: "services/needs", element: lazyPage(needs, (module) => module.NeedsPage), ability: "services.needs.read" },
    {
      path: "services/needs/:id",
      element: lazyPage(need, (module) => module.NeedPage),
      ability: "services.needs.read",
    },
    {
      path: "services/vendors",
      element: lazyPage(vendors, (module) => module.VendorsReviewPage),
      ability: "services.vendors.review",
    },
    { path: "services/panel", element: lazyPage(panel, (module) => module.PanelPage), ability: "services.panel" },
    {
      path: "services/contracts",
      element: lazyPage(contracts, (module) => module.ContractsPage),
      ability: "services.contracts.read",
    },
    {
      path: "services/contracts/:id",
      element: lazyPage(contract, (module) => module.ContractPage),
      ability: "services.contracts.read",
    },
    {
      path: "services/recommendations",
      element: lazyPage(recommendations, (module) => module.RecommendationsPage),
      ability: "services.recommendations.decide",
    },
    {
      path: "services/stations",
      element: lazyPage(stations, (module) => module.StationsPage),
      ability: "services.stations.manage",
    },
  ],
  publicRoutes: [
    {
      path: "services/stations",
      element: lazyPage(stations, (module) => module.PublicStationsPage),
      navLabelKey: "services.nav.stations",
    },
    { path: "services/surveys/:id", element: lazyPage(survey, (module) => module.SurveyPage) },
    {
      path: "services/qualified",
      element: lazyPage(qualified, (module) => module.QualifiedVendorsPage),
      navLabelKey: "services.nav.qualified",
    },
    {
      path: "services/awards",
      element: lazyPage(awards, (module) => module.AwardsPage),
      navLabelKey: "services.nav.awards",
    },
  ],
};
