// The accounts module's console menu entry and route.
import { TeamOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { lazyPage } from "../../components/lazyPage";
import { ability } from "../../session/abilities";

/** Account management (admins; auditors read). */
export const accountsModule: ConsoleModule = {
  name: "accounts",
  menu: [{ path: "accounts", labelKey: "nav.accounts", icon: <TeamOutlined />, ability: ability.accountsRead }],
  routes: [
    {
      path: "accounts",
      element: lazyPage(
        () => import("./AccountsPage"),
        (module) => module.AccountsPage,
      ),
      ability: ability.accountsRead,
    },
  ],
};
