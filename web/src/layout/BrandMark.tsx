import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";

/** 共治 Gongzhi wordmark linking home. */
export function BrandMark({ to = "/", light = false }: { to?: string; light?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className={light ? "brand brand-light" : "brand"} data-testid="brand">
      <span className="brand-mark">共</span>
      <span className="brand-name">{t("app.name")}</span>
    </Link>
  );
}
