import type { ReactNode } from "react";
import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../session/SessionContext";

/** Renders the page only when the session has the ability; otherwise the same "no access" answer as the API. */
export function RequireAbility({ ability, children }: { ability?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (ability && !can(ability)) {
    return <Result status="403" title={t("error.forbidden")} data-testid="forbidden" />;
  }
  return <>{children}</>;
}
