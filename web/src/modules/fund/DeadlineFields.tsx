import { Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";

/** The call's two review deadlines, in working days: in the open-call form and in the call page's deadline form. */
export function DeadlineFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reviewWorkingDays" label={t("fund.reviewDays")} rules={[{ required: true }]}>
        <InputNumber min={1} max={60} precision={0} />
      </Form.Item>
      <Form.Item name="reportReviewWorkingDays" label={t("fund.reportReviewDays")} rules={[{ required: true }]}>
        <InputNumber min={1} max={60} precision={0} />
      </Form.Item>
    </>
  );
}
