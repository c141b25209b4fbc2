import { useState } from "react";
import { Button, Card, DatePicker, Form, Input, Typography } from "antd";
import type dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";

/** Enrolment in the scheme (Reg. Art. 2): residence permit and at least a year of work in Zhongshan. */
export function EnrolForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ residencePermitNumber: string; workStartedOn: dayjs.Dayjs }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { residencePermitNumber: string; workStartedOn: dayjs.Dayjs }) => {
    setBusy(true);
    setError(null);
    try {
      await apiPost("/points/enrolments", { residencePermitNumber: values.residencePermitNumber, workStartedOn: values.workStartedOn.format("YYYY-MM-DD") }, newIdempotencyKey());
      onDone();
    } catch (caught) {
      if (!applyFieldErrors(form, caught)) setError(caught);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t("points.enrol")}>
      <Typography.Paragraph type="secondary">{t("points.notEnrolled")} 户籍不在中山市、已办理《广东省居住证》、在中山市工作累计满1年的人员可申请（中府〔2014〕106号 第二条）。</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} data-testid="points-enrol-form">
        <Form.Item name="residencePermitNumber" label={t("points.permit")} rules={[{ required: true }]}><Input data-testid="points-enrol-permit" /></Form.Item>
        <Form.Item name="workStartedOn" label={t("points.workStartedOn")} rules={[{ required: true }]}><DatePicker data-testid="points-enrol-work" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="points-enrol-submit">{t("points.enrol")}</Button>
      </Form>
      {error ? <SubmitErrorAlert error={error} /> : null}
    </Card>
  );
}
