import { useTranslation } from "react-i18next";
import { PersonFields } from "./PersonFields";
import { RegisterPage } from "./RegisterPage";
import { useDefaultTown } from "./useDefaultTown";

/** Registers a new person; server field errors (ID number, phone…) appear under their fields. */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const defaultTown = useDefaultTown();
  return (
    <RegisterPage
      title={t("registry.registerPerson")}
      path="/persons"
      registered={t("registry.personRegistered")}
      initialValues={{ townCode: defaultTown, hukouType: "migrant" }}
      testIdPrefix="person"
    >
      <PersonFields />
    </RegisterPage>
  );
}
