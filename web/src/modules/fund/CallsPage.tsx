// Innovation-fund calls for the programme admin and auditors, and the form that opens a yearly call: budget,
// categories with optional sub-budgets, who may apply, criteria with weights (default 30/25/25/10/10),
// partial funding, the start share of the staged payment, the deadline.
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { DeadlineFields } from "./DeadlineFields";
import { FundTag } from "./labels";

type Calls = ApiResponse<"/fund/calls">;
type Call = Calls["items"][number];

export function CallsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { data, error, loading, reload } = useApiQuery<Calls>("/fund/calls");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("fund.callsTitle")}</Typography.Title>
      <Table<Call>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="fund-calls"
        columns={[
          { title: t("fund.year"), dataIndex: "year" },
          {
            title: t("fund.title"),
            dataIndex: "title",
            render: (title: string, call) => <Link to={`/console/fund/calls/${call.id}`}>{title}</Link>,
          },
          { title: t("fund.budgetYuan"), dataIndex: "budgetYuan", align: "right" },
          { title: t("fund.closesOn"), dataIndex: "applicationsCloseOn" },
          {
            title: t("fund.categories"),
            render: (_: unknown, call) =>
              call.categories
                .map((each) => `${each.label}${each.budgetYuan ? `（${each.budgetYuan}）` : ""}`)
                .join("、") || "—",
          },
          {
            title: t("fund.status"),
            dataIndex: "status",
            render: (code: string) => <FundTag group="callStatus" code={code} />,
          },
        ]}
      />
      {can("fund.manage") ? <OpenCallForm /> : null}
    </Space>
  );
}

interface CallValues {
  year: number;
  title: string;
  budgetYuan: number;
  applicationsCloseOn: Dayjs;
  partialFunding: boolean;
  startSharePercent: number;
  reviewWorkingDays: number;
  reportReviewWorkingDays: number;
  eligibleTypes: string[];
  eligibleTowns: string[];
  criteria: { id: string; label: string; weight: number }[];
  categories: { code: string; label: string; budgetYuan?: number | null }[];
}

const defaultCriteria = [
  { id: "innovation", label: "创新性", weight: 30 },
  { id: "need", label: "需求程度", weight: 25 },
  { id: "feasibility", label: "可行性", weight: 25 },
  { id: "budget", label: "预算合理性", weight: 10 },
  { id: "sustainability", label: "可持续性", weight: 10 },
];

function OpenCallForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const towns = useTowns();
  const [form] = Form.useForm<CallValues>();
  const { submit, alert, saving } = useSubmit(form, async (values: CallValues, key: string) => {
    const created = await apiPost<Call>(
      "/fund/calls",
      {
        ...values,
        applicationsCloseOn: values.applicationsCloseOn.format("YYYY-MM-DD"),
        categories: (values.categories ?? [])
          .filter((each) => each?.code)
          .map((each) => ({ ...each, budgetYuan: each.budgetYuan ?? null })),
      },
      key,
    );
    navigate(`/console/fund/calls/${created.id}`);
  });
  return (
    <Card size="small" title={t("fund.openCall")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          partialFunding: false,
          startSharePercent: 60,
          reviewWorkingDays: 10,
          reportReviewWorkingDays: 10,
          eligibleTypes: ["town", "department", "organisation"],
          eligibleTowns: [],
          criteria: defaultCriteria,
          categories: [],
        }}
      >
        <Space wrap>
          <Form.Item name="year" label={t("fund.year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label={t("fund.title")} rules={[{ required: true }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="budgetYuan" label={t("fund.budgetYuan")} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="applicationsCloseOn" label={t("fund.closesOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="eligibleTypes" label={t("fund.eligibility")}>
            <Checkbox.Group
              options={["town", "department", "organisation"].map((type) => ({
                value: type,
                label: t(`fund.applicantType.${type}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="eligibleTowns" label={t("fund.eligibleTowns")}>
            <Select
              mode="multiple"
              style={{ minWidth: 240 }}
              placeholder={t("fund.allTowns")}
              options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
            />
          </Form.Item>
          <Form.Item name="partialFunding" label={t("fund.partialFunding")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="startSharePercent" label={t("fund.startShare")}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <DeadlineFields />
        </Space>
        <Typography.Paragraph strong>{t("fund.criteria")}</Typography.Paragraph>
        <Form.List name="criteria">
          {(fields) =>
            fields.map((field) => (
              <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                <Form.Item name={[field.name, "id"]}>
                  <Input disabled style={{ width: 140 }} aria-label={t("fund.code")} />
                </Form.Item>
                <Form.Item name={[field.name, "label"]}>
                  <Input style={{ width: 160 }} aria-label={t("fund.label")} />
                </Form.Item>
                <Form.Item name={[field.name, "weight"]}>
                  <InputNumber min={0} max={100} aria-label={t("fund.criteria")} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        <Typography.Paragraph strong>{t("fund.categories")}</Typography.Paragraph>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                  <Form.Item name={[field.name, "code"]} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}>
                    <Input placeholder={t("fund.code")} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "label"]} rules={[{ required: true }]}>
                    <Input placeholder={t("fund.label")} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "budgetYuan"]}>
                    <InputNumber min={0} precision={2} placeholder={t("fund.subBudget")} style={{ width: 200 }} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={t("action.remove")}>
                    −
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ code: "", label: "" })}>{t("fund.addCategory")}</Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("fund.openCall")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
