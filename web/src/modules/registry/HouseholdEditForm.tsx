import { Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Household } from "../../api/types";
import { VersionedEditForm } from "../../components/VersionedEditForm";
import { HouseholdFields } from "./HouseholdFields";

interface Props {
  household: Household;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Edits a household's community, address and head with the version it read (the 镇区 is shown, not changed). */
export function HouseholdEditForm({ household, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <VersionedEditForm
      record={household}
      path={`/households/${household.id}`}
      testIdPrefix="household"
      readOnlyFields={["townCode"]}
      initialValues={{
        townCode: household.townCode,
        communityId: household.communityId ?? undefined,
        address: household.address,
        headPersonId: household.headPersonId ?? undefined,
      }}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={onReload}
    >
      <HouseholdFields withHead={false} townLocked />
      <Form.Item name="headPersonId" label={t("household.head")} extra={t("household.headHint")}>
        <Select
          options={household.members.map((member) => ({ value: member.personId, label: member.name }))}
          data-testid="field-headPersonId"
        />
      </Form.Item>
    </VersionedEditForm>
  );
}
