import { App, Form } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { useSubmit } from "../../components/useSubmit";
import { PersonPicker } from "./PersonPicker";
import { RelationshipSelect } from "./RelationshipSelect";

interface Props {
  householdId: string;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}

interface MemberValues {
  personId: string;
  relationship: string;
}

/** Adds a member to a household: search the person, choose the relationship. */
export function AddMemberModal({ householdId, open, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberValues>();
  const submission = useSubmit(form, async (values: MemberValues, idempotencyKey) => {
    await apiPost(`/households/${householdId}/members`, values, idempotencyKey);
    message.success(t("household.memberAdded"));
    form.resetFields();
    onAdded();
  });

  return (
    <FormModal
      open={open}
      title={t("household.addMember")}
      okText={t("household.addMember")}
      submitTestId="add-member-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="personId"
          label={t("household.member")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <PersonPicker testId="add-member-person" />
        </Form.Item>
        <Form.Item
          name="relationship"
          label={t("household.relationship")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <RelationshipSelect />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
