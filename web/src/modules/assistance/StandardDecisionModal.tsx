import { Descriptions, Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { useSubmit } from "../../components/useSubmit";
import type { Standard } from "./standards.types";

/** The programme admin's decision on a submitted standard: approve (in force from its effective date) or reject with a reason. */
export function StandardDecisionModal({
  standard,
  onClose,
  onDone,
}: {
  standard: Standard;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const decision = Form.useWatch("decision", form) as string | undefined;
  const finish = () => {
    onDone();
    onClose();
  };
  const submission = useSubmit(
    form,
    async (values: { decision: string; reason?: string }) => {
      await apiPost(`/assistance/standards/${standard.id}/decision`, {
        version: standard.version,
        decision: values.decision,
        reason: values.reason || undefined,
      });
      finish();
    },
    { onReload: finish },
  );

  return (
    <FormModal
      open
      title={t("assistance.standard.decide")}
      okText={t("assistance.submit")}
      submitTestId="assistance-standard-decision-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("assistance.standard.effectiveFrom")}>
          <strong>{standard.effectiveFrom}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.proposed")}>{standard.standardYuan}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.supplement")}>{standard.supplementYuan}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: "approved" }}
        data-testid="assistance-standard-decision-form"
      >
        <Form.Item name="decision">
          <Radio.Group
            data-testid="field-decision"
            options={[
              { value: "approved", label: t("assistance.standard.approve") },
              { value: "rejected", label: t("assistance.standard.reject") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("assistance.action.reason")}
          rules={decision === "rejected" ? [{ required: true, min: 5 }] : []}
        >
          <Input.TextArea rows={3} data-testid="field-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
