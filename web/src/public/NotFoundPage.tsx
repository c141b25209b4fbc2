import { Button, Result } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";

/** An address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t("error.pageNotFound")}
      extra={
        <Link to="/">
          <Button>{t("nav.home")}</Button>
        </Link>
      }
    />
  );
}
