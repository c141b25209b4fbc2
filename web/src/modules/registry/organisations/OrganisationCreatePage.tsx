import { useTranslation } from "react-i18next";
import { RegisterPage } from "../RegisterPage";
import { useDefaultTown } from "../useDefaultTown";
import { OrganisationFields } from "./OrganisationFields";

/** Registers a social organisation, company or public institution. */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const defaultTown = useDefaultTown();
  return (
    <RegisterPage
      title={t("organisation.register")}
      path="/organisations"
      registered={t("organisation.registered")}
      initialValues={{ townCode: defaultTown, kind: "social_organisation" }}
      testIdPrefix="organisation"
    >
      <OrganisationFields />
    </RegisterPage>
  );
}
