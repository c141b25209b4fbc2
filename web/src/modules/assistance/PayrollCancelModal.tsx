import { Alert, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { useSubmit } from "../../components/useSubmit";
import type { Payroll } from "./types";

/** The programme admin cancels a payroll never approved (a wrong month, wrong data): confirm with a reason. */
export function PayrollCancelModal({
  payroll,
  onClose,
  onDone,
}: {
  payroll: Payroll;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const finish = () => {
    onDone();
    onClose();
  };
  const submission = useSubmit(
    form,
    async (values: { reason: string }) => {
      await apiPost(`/assistance/payrolls/${payroll.month}/cancellation`, {
        version: payroll.version,
        reason: values.reason,
      });
      finish();
    },
    { onReload: finish },
  );

  return (
    <FormModal
      open
      title={t("assistance.cancelPayroll")}
      okText={t("assistance.cancelPayroll")}
      submitTestId="assistance-payroll-cancel-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t("assistance.cancelPayrollConfirm", { month: payroll.month })} />
      <Form form={form} layout="vertical" data-testid="assistance-payroll-cancel-form" style={{ marginTop: 16 }}>
        <Form.Item
          name="reason"
          label={t("assistance.cancelPayrollReason")}
          rules={[{ required: true, min: 2, max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="field-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
