import { Button, Card, Form, Input, Typography } from "antd";
import type dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { DateInput } from "../../components/DateInput";

/** Enrolment in the scheme (Reg. Art. 2): residence permit and at least a year of work in Zhongshan. */
export function EnrolForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ residencePermitNumber: string; workStartedOn: dayjs.Dayjs }>();
  const { saving, submit, alert } = useSubmit(
    form,
    async (values: { residencePermitNumber: string; workStartedOn: dayjs.Dayjs }, idempotencyKey) => {
      await apiPost(
        "/points/enrolments",
        {
          residencePermitNumber: values.residencePermitNumber,
          workStartedOn: values.workStartedOn.format("YYYY-MM-DD"),
        },
        idempotencyKey,
      );
      onDone();
    },
  );
  return (
    <Card size="small" title={t("points.enrol")}>
      <Typography.Paragraph type="secondary">
        {t("points.notEnrolled")} {t("points.whoMayEnrol")}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} data-testid="points-enrol-form">
        <Form.Item name="residencePermitNumber" label={t("points.permit")} rules={[{ required: true }]}>
          <Input data-testid="points-enrol-permit" />
        </Form.Item>
        <Form.Item name="workStartedOn" label={t("points.workStartedOn")} rules={[{ required: true }]}>
          <DateInput data-testid="points-enrol-work" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="points-enrol-submit">
          {t("points.enrol")}
        </Button>
      </Form>
      <SubmitErrorAlert {...alert} />
    </Card>
  );
}
