// The consultations module's pages: public list and consultation pages (a community's only for its residents and
// staff, the server decides), and the form that publishes a draft or a community deliberation.
import { CommentOutlined, FileAddOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const pages = () => import("./ConsultationsPage");

/** 公开征求意见 and 村居议事. */
export const consultationsModule: ConsoleModule = {
  name: "consultations",
  menu: [
    { path: "consultations", labelKey: "consultations.nav", icon: <CommentOutlined /> },
    {
      path: "consultations/new",
      labelKey: "consultations.navNew",
      icon: <FileAddOutlined />,
      ability: "consultations.moderate",
    },
  ],
  routes: [
    {
      path: "consultations/new",
      element: lazyPage(pages, (module) => module.NewConsultationPage),
      ability: "consultations.moderate",
    },
    { path: "consultations", element: lazyPage(pages, (module) => module.ConsultationsPage) },
    { path: "consultations/:id", element: lazyPage(pages, (module) => module.ConsultationPage) },
  ],
  publicRoutes: [
    {
      path: "consultations",
      element: lazyPage(pages, (module) => module.ConsultationsPage),
      navLabelKey: "consultations.nav",
    },
    { path: "consultations/:id", element: lazyPage(pages, (module) => module.ConsultationPage) },
  ],
};
