// The participation module's pages: the organiser's console, the programme admin's campaigns, import and
// organisers of organisations, the
// resident's own volunteering, and the public campaign pages.
import { FlagOutlined, HeartOutlined, ScheduleOutlined, TeamOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const organiser = () => import("./OrganiserPage");
const activity = () => import("./ActivityPage");
const admin = () => import("./AdminPage");
const mine = () => import("./MyVolunteeringPage");
const campaigns = () => import("./CampaignsPage");
const organisers = () => import("./OrganisersPage");

/** 全民参与: campaigns, volunteer activities and the hours ledger. */
export const participationModule: ConsoleModule = {
  name: "participation",
  menu: [
    {
      path: "participation/me",
      labelKey: "participation.navMine",
      icon: <HeartOutlined />,
      ability: "participation.volunteer",
    },
    {
      path: "participation/organiser",
      labelKey: "participation.navOrganiser",
      icon: <ScheduleOutlined />,
      ability: "participation.organise",
    },
    {
      path: "participation/admin",
      labelKey: "participation.navAdmin",
      icon: <FlagOutlined />,
      ability: "participation.campaigns.manage",
    },
    {
      path: "participation/organisers",
      labelKey: "participation.navOrganisers",
      icon: <TeamOutlined />,
      ability: "participation.organisers.manage",
    },
  ],
  routes: [
    {
      path: "participation/me",
      element: lazyPage(mine, (module) => module.MyVolunteeringPage),
      ability: "participation.volunteer",
    },
    {
      path: "participation/organiser",
      element: lazyPage(organiser, (module) => module.OrganiserPage),
      ability: "participation.organise",
    },
    {
      path: "participation/activities/:id",
      element: lazyPage(activity, (module) => module.ActivityPage),
      ability: "participation.organise",
    },
    {
      path: "participation/admin",
      element: lazyPage(admin, (module) => module.AdminPage),
      ability: "participation.campaigns.manage",
    },
    {
      path: "participation/organisers",
      element: lazyPage(organisers, (module) => module.OrganisersPage),
      ability: "participation.organisers.manage",
    },
  ],
  publicRoutes: [
    {
      path: "campaigns",
      element: lazyPage(campaigns, (module) => module.CampaignsPage),
      navLabelKey: "participation.navCampaigns",
    },
    { path: "campaigns/:code", element: lazyPage(campaigns, (module) => module.CampaignPage) },
  ],
};
