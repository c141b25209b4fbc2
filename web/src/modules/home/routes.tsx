// The console home (every signed-in user) and the resident's own record.
import { HomeOutlined, IdcardOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { ability } from "../../session/abilities";
import { ConsoleHomePage } from "./ConsoleHomePage";
import { ProfilePanel } from "./ProfilePanel";

export const homeModule: ConsoleModule = {
  name: "home",
  menu: [
    { path: "", labelKey: "nav.home", icon: <HomeOutlined /> },
    { path: "me", labelKey: "nav.profile", icon: <IdcardOutlined />, ability: ability.profileRead },
  ],
  routes: [
    { path: "", element: <ConsoleHomePage /> },
    { path: "me", element: <ProfilePanel />, ability: ability.profileRead },
  ],
};
