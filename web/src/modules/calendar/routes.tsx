// The working-day calendar's console page: which years are official, which provisional, and the open deadlines
// an imported holiday notice changed (listed for staff, never moved silently).
import { CalendarOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { lazyPage } from "../../components/lazyPage";
import { ability } from "../../session/abilities";

/** Calendar years and the deadlines a notice changed (programme admins, clerks, verifiers, auditors). */
export const calendarModule: ConsoleModule = {
  name: "calendar",
  menu: [{ path: "calendar", labelKey: "nav.calendar", icon: <CalendarOutlined />, ability: ability.calendarChanges }],
  routes: [
    {
      path: "calendar",
      element: lazyPage(
        () => import("./CalendarPage"),
        (module) => module.CalendarPage,
      ),
      ability: ability.calendarChanges,
    },
  ],
};
