// The coordination module's console pages: my inbox across modules, joint cases, joint meetings.
import { InboxOutlined, PartitionOutlined, TeamOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const inbox = () => import("./InboxPage");
const cases = () => import("./CasesPage");
const casePage = () => import("./CasePage");
const meetings = () => import("./MeetingsPage");
const meetingPage = () => import("./MeetingPage");

/** 「我的待办」 for clerks, verifiers and programme admins; joint cases and meetings. */
export const coordinationModule: ConsoleModule = {
  name: "coordination",
  menu: [
    { path: "inbox", labelKey: "coordination.navInbox", icon: <InboxOutlined />, ability: "coordination.inbox" },
    {
      path: "coordination/cases",
      labelKey: "coordination.navCases",
      icon: <PartitionOutlined />,
      ability: "coordination.cases.read",
    },
    {
      path: "coordination/meetings",
      labelKey: "coordination.navMeetings",
      icon: <TeamOutlined />,
      ability: "coordination.meetings.read",
    },
  ],
  routes: [
    { path: "inbox", element: lazyPage(inbox, (module) => module.InboxPage), ability: "coordination.inbox" },
    {
      path: "coordination/cases",
      element: lazyPage(cases, (module) => module.CasesPage),
      ability: "coordination.cases.read",
    },
    {
      path: "coordination/cases/:id",
      element: lazyPage(casePage, (module) => module.CasePage),
      ability: "coordination.cases.read",
    },
    {
      path: "coordination/meetings",
      element: lazyPage(meetings, (module) => module.MeetingsPage),
      ability: "coordination.meetings.read",
    },
    {
      path: "coordination/meetings/:id",
      element: lazyPage(meetingPage, (module) => module.MeetingPage),
      ability: "coordination.meetings.read",
    },
  ],
};
