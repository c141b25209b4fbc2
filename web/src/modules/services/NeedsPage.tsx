// Service needs for the programme admin and auditors: every need with its state, and the form that publishes one
// (budget, period, required qualifications, indicators, weights 30/40/20/10 by default, bid deadline).
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useDepartments, useTowns } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { CodeTag, useCodeLabel } from "./labels";

type Needs = ApiResponse<"/services/needs">;
type Need = Needs["items"][number];

export const serviceCategoryCodes = ["social_work", "elderly_care", "youth", "community", "assistance"];

export function NeedsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Needs>("/services/needs");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.needsTitle")}</Typography.Title>
      <Table<Need>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="services-needs"
        columns={[
          {
            title: t("services.title"),
            dataIndex: "title",
            render: (title: string, need) => <Link to={`/console/services/needs/${need.id}`}>{title}</Link>,
          },
          { title: t("services.department"), dataIndex: "departmentName" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.budgetYuan"), dataIndex: "budgetYuan", align: "right" },
          { title: t("services.bidsCloseOn"), dataIndex: "bidsCloseOn" },
          {
            title: t("services.bidCount"),
            dataIndex: "bidCount",
            render: (count: number | null) => (count === null ? t("services.sealed") : count),
          },
          {
            title: t("services.status"),
            dataIndex: "status",
            render: (status: string) => <CodeTag group="needStatus" code={status} />,
          },
        ]}
      />
      {can("services.needs.manage") ? <PublishForm /> : null}
    </Space>
  );
}

interface PublishValues {
  departmentCode: string;
  title: string;
  description: string;
  townCode: string;
  budgetYuan: number;
  period: [Dayjs, Dayjs];
  bidsCloseOn: Dayjs;
  requiredQualifications: string[];
  indicators: { name: string; target: string }[];
  weights: { price: number; plan: number; staff: number; past: number };
}

function PublishForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useCodeLabel();
  const towns = useTowns();
  const departments = useDepartments();
  const [form] = Form.useForm<PublishValues>();
  const { submit, alert, saving } = useSubmit(form, async (values: PublishValues, key: string) => {
    const created = await apiPost<Need>(
      "/services/needs",
      {
        departmentCode: values.departmentCode,
        title: values.title,
        description: values.description ?? "",
        townCode: values.townCode,
        budgetYuan: values.budgetYuan,
        periodStart: values.period[0].format("YYYY-MM-DD"),
        periodEnd: values.period[1].format("YYYY-MM-DD"),
        bidsCloseOn: values.bidsCloseOn.format("YYYY-MM-DD"),
        requiredQualifications: values.requiredQualifications ?? [],
        indicators: (values.indicators ?? []).filter((each) => each?.name),
        weights: values.weights,
      },
      key,
    );
    navigate(`/console/services/needs/${created.id}`);
  });
  return (
    <Card size="small" title={t("services.publish")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          weights: { price: 30, plan: 40, staff: 20, past: 10 },
          indicators: [{ name: "", target: "" }],
          requiredQualifications: ["social_work"],
        }}
      >
        <Form.Item name="title" label={t("services.title")} rules={[{ required: true }]}>
          <Input data-testid="need-title" />
        </Form.Item>
        <Form.Item name="description" label={t("services.description")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="departmentCode" label={t("services.department")} rules={[{ required: true }]}>
            <Select
              style={{ width: 240 }}
              options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="townCode" label={t("services.town")} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
            />
          </Form.Item>
          <Form.Item name="budgetYuan" label={t("services.budgetYuan")} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="period" label={t("services.period")} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="bidsCloseOn" label={t("services.bidsCloseOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="requiredQualifications" label={t("services.requiredQualifications")}>
            <Select
              mode="multiple"
              style={{ minWidth: 240 }}
              options={serviceCategoryCodes.map((code) => ({ value: code, label: label("category", code) }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong>{t("services.weights")}</Typography.Paragraph>
        <Space wrap>
          {(["price", "plan", "staff", "past"] as const).map((criterion) => (
            <Form.Item key={criterion} name={["weights", criterion]} label={t(`services.criterion.${criterion}`)}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          ))}
        </Space>
        <Typography.Paragraph strong>{t("services.indicators")}</Typography.Paragraph>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                  <Form.Item name={[field.name, "name"]}>
                    <Input placeholder={t("services.indicator")} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "target"]}>
                    <Input placeholder={t("services.target")} style={{ width: 160 }} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={t("action.remove")}>
                    −
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: "", target: "" })}>{t("services.addIndicator")}</Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="need-publish">
            {t("services.publish")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
