import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { PersonPicker } from "./PersonPicker";
import { TownCommunityFields } from "./TownCommunityFields";

/** The fields of a household: 镇区, community, address, and (when registering) the head. */
export function HouseholdFields({ withHead, townLocked = false }: { withHead: boolean; townLocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TownCommunityFields townLocked={townLocked} />
      <Form.Item
        name="address"
        label={t("household.address")}
        rules={[{ required: true, whitespace: true, message: t("form.required") }]}
      >
        <Input maxLength={200} data-testid="field-address" />
      </Form.Item>
      {withHead ? (
        <Form.Item
          name="headPersonId"
          label={t("household.head")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <PersonPicker testId="field-headPersonId" />
        </Form.Item>
      ) : null}
    </>
  );
}
