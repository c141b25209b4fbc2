import { Menu } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { consoleModules } from "../modules";
import { useSession } from "../session/SessionContext";

/** The left menu: every module's entries the session's abilities allow, in module order. */
export function ConsoleMenu() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  const entries = consoleModules
    .flatMap((module) => module.menu)
    .filter((entry) => !entry.ability || can(entry.ability));
  const current = location.pathname.replace(/^\/console\/?/, "");
  const selected = entries
    .filter((entry) =>
      entry.path === "" ? current === "" : current === entry.path || current.startsWith(`${entry.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Menu
      mode="inline"
      data-testid="console-menu"
      selectedKeys={selected ? [selected.path || "home"] : []}
      items={entries.map((entry) => ({
        key: entry.path || "home",
        icon: entry.icon,
        label: t(entry.labelKey),
        "data-testid": `menu-${entry.path || "home"}`,
      }))}
      onClick={({ key }) => navigate(key === "home" ? "/console" : `/console/${key}`)}
    />
  );
}
