import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { relationships } from "./relationships";

/** The relationship of a member to the household head; a Form control. */
export function RelationshipSelect({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t("household.chooseRelationship")}
      options={relationships.map((relationship) => ({ value: relationship, label: t(`relationship.${relationship}`) }))}
      data-testid="field-relationship"
    />
  );
}
