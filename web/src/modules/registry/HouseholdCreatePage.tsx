import { useTranslation } from "react-i18next";
import { HouseholdFields } from "./HouseholdFields";
import { RegisterPage } from "./RegisterPage";
import { useDefaultTown } from "./useDefaultTown";

/** Registers a new household with its address and head. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const defaultTown = useDefaultTown();
  return (
    <RegisterPage
      title={t("registry.registerHousehold")}
      path="/households"
      registered={t("registry.householdRegistered")}
      initialValues={{ townCode: defaultTown }}
      testIdPrefix="household"
    >
      <HouseholdFields withHead />
    </RegisterPage>
  );
}
