import { Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import type { CpiMonth } from "./types";
import { DueDate } from "../../components/DueDate";

/** CPI entry by the price department: each month's CPI and food-CPI rises, who and when, the trigger found. */
export function CpiPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form] = Form.useForm();
  const { data, error: loadError, loading, reload } = useApiQuery<{ items: CpiMonth[] }>("/assistance/cpi");
  const { submit: save, alert } = useSubmit(
    form,
    async (values: { month: dayjs.Dayjs; cpiPercent?: string; foodPercent?: string; releasedOn: dayjs.Dayjs }) => {
      await apiRequest("PUT", `/assistance/cpi/${values.month.format("YYYY-MM")}`, {
        body: {
          cpiPercent: values.cpiPercent || null,
          foodPercent: values.foodPercent || null,
          releasedOn: values.releasedOn.format("YYYY-MM-DD"),
        },
      });
      form.resetFields();
      reload();
    },
  );
  if (loadError) return <ErrorResult error={loadError} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("assistance.cpi")}</Typography.Title>
      {can("assistance.cpi.record") ? (
        <Card size="small">
          <Form form={form} layout="inline" onFinish={save} data-testid="assistance-cpi-form">
            <Form.Item name="month" label={t("assistance.month")} rules={[{ required: true }]}>
              <DatePicker picker="month" data-testid="assistance-cpi-month" />
            </Form.Item>
            <Form.Item name="cpiPercent" label={t("assistance.cpiPercent")}>
              <Input style={{ width: 90 }} data-testid="assistance-cpi-cpi" />
            </Form.Item>
            <Form.Item name="foodPercent" label={t("assistance.foodPercent")}>
              <Input style={{ width: 90 }} data-testid="assistance-cpi-food" />
            </Form.Item>
            <Form.Item name="releasedOn" label={t("assistance.releasedOn")} rules={[{ required: true }]}>
              <DatePicker data-testid="assistance-cpi-released" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" data-testid="assistance-cpi-save">
                {t("assistance.record")}
              </Button>
            </Form.Item>
          </Form>
          <SubmitErrorAlert {...alert} />
        </Card>
      ) : null}
      <Table<CpiMonth>
        size="small"
        rowKey="month"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="assistance-cpi-list"
        columns={[
          {
            title: t("assistance.month"),
            dataIndex: "month",
            render: (month: string, row) => (
              <>
                {month} {row.synthetic ? <Tag>{t("assistance.synthetic")}</Tag> : null}
              </>
            ),
          },
          { title: t("assistance.cpiPercent"), dataIndex: "cpiPercent", align: "right" },
          { title: t("assistance.foodPercent"), dataIndex: "foodPercent", align: "right" },
          { title: t("assistance.releasedOn"), dataIndex: "releasedOn" },
          { title: t("assistance.recordedBy"), dataIndex: "recordedBy" },
          {
            title: t("assistance.triggered"),
            dataIndex: "triggered",
            render: (value: boolean) => (value ? <Tag color="red">{t("assistance.yes")}</Tag> : t("assistance.no")),
          },
          {
            title: t("assistance.subsidyDue"),
            dataIndex: "subsidyDueOn",
            render: (value: string | null) => <DueDate date={value} />,
          },
          { title: t("assistance.covered"), dataIndex: "coveredPersons", align: "right" },
          { title: t("assistance.subsidy"), dataIndex: "subsidyYuan", align: "right" },
        ]}
      />
    </Space>
  );
}
