// The console home: every signed-in user; residents see their own record there.
import { HomeOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { lazyPage } from "../../components/lazyPage";

/** The role home every signed-in user lands on. */
export const homeModule: ConsoleModule = {
  name: "home",
  menu: [{ path: "", labelKey: "nav.home", icon: <HomeOutlined /> }],
  routes: [
    {
      path: "",
      element: lazyPage(
        () => import("./ConsoleHomePage"),
        (module) => module.ConsoleHomePage,
      ),
    },
  ],
};
