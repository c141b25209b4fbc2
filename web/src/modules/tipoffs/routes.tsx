// The tip-off pages: the public report form and follow-by-receipt-code page, the officers' queue and tip page,
// the admins' categories with their routing by 镇区, and the Open311 API keys.
import { AlertOutlined, ApiOutlined, TagsOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const queue = () => import("./QueuePage");
const categories = () => import("./CategoriesPage");
const keys = () => import("./KeysPage");

/** 线索举报: anyone reports and follows by receipt code; officers investigate. */
export const tipoffsModule: ConsoleModule = {
  name: "tipoffs",
  menu: [
    { path: "tipoffs", labelKey: "tipoffs.navQueue", icon: <AlertOutlined />, ability: "tipoffs.queue" },
    {
      path: "tipoffs/categories",
      labelKey: "tipoffs.navCategories",
      icon: <TagsOutlined />,
      ability: "tipoffs.categories.manage",
    },
    { path: "tipoffs/keys", labelKey: "tipoffs.navKeys", icon: <ApiOutlined />, ability: "open311.keys.manage" },
  ],
  routes: [
    {
      path: "tipoffs/categories",
      element: lazyPage(categories, (module) => module.CategoriesPage),
      ability: "tipoffs.categories.manage",
    },
    { path: "tipoffs/keys", element: lazyPage(keys, (module) => module.KeysPage), ability: "open311.keys.manage" },
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
