import { Button, DatePicker, Form, Input, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { isoDate, isoMonth } from "./dates";
import { serverToday } from "../../api/today";

/** The policy officer's proposal: effective date and last year's per-capita consumption spending; the server applies the natural-growth rule and simulates it. */
export function ProposeStandardForm({ onProposed }: { onProposed: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { saving, submit, alert } = useSubmit(form, async (values: Record<string, unknown>) => {
    const created = await apiPost<{ id: string }>("/assistance/standards", {
      effectiveFrom: isoDate(values.effectiveFrom),
      perCapitaConsumptionYuan: values.perCapitaConsumptionYuan,
      ...(values.simulateMonth ? { simulateMonth: isoMonth(values.simulateMonth) } : {}),
    });
    onProposed(created.id);
  });

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="assistance-standard-form"
      initialValues={{ effectiveFrom: serverToday().add(1, "year").startOf("year") }}
    >
      <Typography.Paragraph type="secondary">{t("assistance.standard.ruleHint")}</Typography.Paragraph>
      <Space wrap align="start">
        <Form.Item name="effectiveFrom" label={t("assistance.standard.effectiveFrom")} rules={[{ required: true }]}>
          <DatePicker data-testid="field-effectiveFrom" />
        </Form.Item>
        <Form.Item
          name="perCapitaConsumptionYuan"
          label={t("assistance.standard.consumption")}
          rules={[{ required: true }]}
        >
          <Input style={{ width: 200 }} data-testid="field-perCapitaConsumptionYuan" />
        </Form.Item>
        <Form.Item name="simulateMonth" label={t("assistance.standard.simulateMonth")}>
          <DatePicker picker="month" data-testid="field-simulateMonth" />
        </Form.Item>
      </Space>
      <SubmitErrorAlert {...alert} />
      <Button type="primary" htmlType="submit" loading={saving} data-testid="assistance-standard-propose">
        {t("assistance.standard.propose")}
      </Button>
    </Form>
  );
}
