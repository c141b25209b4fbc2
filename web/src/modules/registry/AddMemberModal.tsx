import { useState } from "react";
import { App, Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { PersonPicker } from "./PersonPicker";
import { RelationshipSelect } from "./RelationshipSelect";

interface Props {
  householdId: string | number;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}

/** Adds a member to a household: search the person, choose the relationship. */
export function AddMemberModal({ householdId, open, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = (await form.validateFields()) as { personId: string | number; relationship: string };
    setSaving(true);
    setError(null);
    try {
      await apiPost(`/households/${householdId}/members`, values, newIdempotencyKey());
      message.success(t("household.memberAdded"));
      form.resetFields();
      onAdded();
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("household.addMember")}
      okText={t("household.addMember")}
      cancelText={t("action.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ "data-testid": "add-member-submit" } as Record<string, string>}
    >
      <SubmitErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="personId" label={t("household.member")} rules={[{ required: true, message: t("form.required") }]}>
          <PersonPicker testId="add-member-person" />
        </Form.Item>
        <Form.Item name="relationship" label={t("household.relationship")} rules={[{ required: true, message: t("form.required") }]}>
          <RelationshipSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
