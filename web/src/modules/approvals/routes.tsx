// The approvals catalogue's pages: the public catalogue with the reform and each item's page; the import for the
// programme admin.
import { ImportOutlined } from "@ant-design/icons";
import { lazyPage } from "../../components/lazyPage";
import type { ConsoleModule } from "../types";

const catalogue = () => import("./ApprovalsPage");
const itemPage = () => import("./ApprovalItemPage");
const importPage = () => import("./ImportPage");

/** 行政审批事项目录 (public) and 审批事项导入 (programme admin). */
export const approvalsModule: ConsoleModule = {
  name: "approvals",
  menu: [
    {
      path: "approvals/import",
      labelKey: "approvals.navImport",
      icon: <ImportOutlined />,
      ability: "approvals.import",
    },
  ],
  routes: [
    {
      path: "approvals/import",
      element: lazyPage(importPage, (module) => module.ImportPage),
      ability: "approvals.import",
    },
  ],
  publicRoutes: [
    { path: "portal/approvals", element: lazyPage(catalogue, (module) => module.ApprovalsPage) },
    { path: "portal/approvals/:code", element: lazyPage(itemPage, (module) => module.ApprovalItemPage) },
  ],
};
