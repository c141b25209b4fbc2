// The audit module's console menu entry and route.
import { AuditOutlined } from "@ant-design/icons";
import type { ConsoleModule } from "../types";
import { lazyPage } from "../../components/lazyPage";
import { ability } from "../../session/abilities";

/** Audit log and hash-chain verification (auditors, admins). */
export const auditModule: ConsoleModule = {
  name: "audit",
  menu: [{ path: "audit", labelKey: "nav.audit", icon: <AuditOutlined />, ability: ability.auditRead }],
  routes: [
    {
      path: "audit",
      element: lazyPage(
        () => import("./AuditPage"),
        (module) => module.AuditPage,
      ),
      ability: ability.auditRead,
    },
  ],
};
