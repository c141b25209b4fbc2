// The tip-off pages: the public report form and follow-by-receipt-code page, the officers' queue and tip page.
import { AlertOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const queue = () => import("./QueuePage");

/** 线索举报: anyone reports and follows by receipt code; officers investigate. */
export const tipoffsModule: ConsoleModule = {
  name: "tipoffs",
  menu: [{ path: "tipoffs", labelKey: "tipoffs.navQueue", icon: <AlertOutlined />, ability: "tipoffs.queue" }],
  routes: [
    { path: "tipoffs", element: lazyPage(queue, (module) => module.QueuePage), ability: "tipoffs.queue" },
    { path: "tipoffs/:id", element: lazyPage(queue, (module) => module.TipoffPage), ability: "tipoffs.queue" },
  ],
  publicRoutes: [
    {
      path: "tipoffs/report",
      element: lazyPage(
        () => import("./ReportPage"),
        (module) => module.ReportPage,
      ),
      navLabelKey: "tipoffs.navReport",
    },
    {
      path: "tipoffs/follow",
      element: lazyPage(
        () => import("./FollowPage"),
        (module) => module.FollowPage,
      ),
      navLabelKey: "tipoffs.navFollow",
    },
  ],
};
