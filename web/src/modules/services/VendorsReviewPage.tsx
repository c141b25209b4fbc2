// Vendor qualification for reviewers and the programme admin: each vendor's documents checked one by one
// (download, pass or fail with a note), qualification granted for categories until a date, and the
// qualifications ending within 30 days.
import { Alert, Button, Card, DatePicker, Form, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { apiPost, apiUrl } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useCodeLabel } from "./labels";
import { serviceCategoryCodes } from "./NeedsPage";

type Vendors = ApiResponse<"/services/vendors">;
type Vendor = Vendors["items"][number];

export function VendorsReviewPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Vendors>("/services/vendors");
  const expiring = useApiQuery<Vendors>("/services/vendors/expiring");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.vendorsTitle")}</Typography.Title>
      {expiring.data && expiring.data.items.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t("services.expiringTitle")}
          description={expiring.data.items.map((each) => `${each.name}（${each.qualifiedUntil}）`).join("；")}
        />
      ) : null}
      <Table<Vendor>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="services-vendors"
        expandable={{ expandedRowRender: (vendor) => <VendorReview vendor={vendor} onChange={reload} /> }}
        columns={[
          { title: t("services.name"), dataIndex: "name" },
          { title: t("services.creditCode"), dataIndex: "creditCode" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string | null) => townLabel(code) || "—" },
          {
            title: t("services.requirements"),
            render: (_: unknown, vendor) =>
              `${vendor.requirements.filter((each) => each.passed === true).length}/${vendor.requirements.length}`,
          },
          {
            title: t("services.qualification"),
            render: (_: unknown, vendor) =>
              vendor.qualified ? (
                <Tag color={vendor.expiresSoon ? "orange" : "green"}>
                  {t("services.qualified")} · {vendor.qualifiedUntil}
                </Tag>
              ) : (
                <Tag>{t("services.notQualified")}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

function VendorReview({ vendor, onChange }: { vendor: Vendor; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const check = useSubmit(
    null,
    async (values: { requirement: string; passed: boolean; note?: string }, key: string) => {
      await apiPost(`/services/vendors/${vendor.id}/checks`, values, key);
      onChange();
    },
  );
  const [form] = Form.useForm<{ categories: string[]; until: Dayjs }>();
  const grant = useSubmit(form, async (values: { categories: string[]; until: Dayjs }, key: string) => {
    await apiPost(
      `/services/vendors/${vendor.id}/qualification`,
      { categories: values.categories, until: values.until.format("YYYY-MM-DD") },
      key,
    );
    onChange();
  });
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <SubmitErrorAlert {...check.alert} />
      <Table
        size="small"
        rowKey="requirement"
        pagination={false}
        dataSource={vendor.requirements}
        columns={[
          {
            title: t("services.requirements"),
            dataIndex: "requirement",
            render: (code: string) => label("requirement", code),
          },
          {
            title: t("services.document"),
            dataIndex: "fileId",
            render: (fileId: string | null) =>
              fileId ? (
                <a href={apiUrl(`/files/${fileId}/content`)} target="_blank" rel="noreferrer">
                  {t("services.document")}
                </a>
              ) : (
                "—"
              ),
          },
          {
            title: t("services.check"),
            render: (_: unknown, row) =>
              row.passed === null ? (
                <Tag>{t("services.unchecked")}</Tag>
              ) : (
                <Tag color={row.passed ? "green" : "red"}>
                  {row.passed ? t("services.passed") : t("services.failed")}
                </Tag>
              ),
          },
          { title: t("services.note"), dataIndex: "checkNote" },
          {
            title: t("action.actions"),
            render: (_: unknown, row) =>
              row.fileId ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() => void check.submit({ requirement: row.requirement, passed: true })}
                  >
                    {t("services.passed")}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => void check.submit({ requirement: row.requirement, passed: false })}
                  >
                    {t("services.failed")}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Card size="small" title={t("services.grant")}>
        <SubmitErrorAlert {...grant.alert} />
        <Form form={form} layout="inline" onFinish={(values) => void grant.submit(values)}>
          <Form.Item name="categories" label={t("services.categories")} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 260 }}
              options={serviceCategoryCodes.map((code) => ({ value: code, label: label("category", code) }))}
            />
          </Form.Item>
          <Form.Item name="until" label={t("services.qualifiedUntil")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={grant.saving}>
            {t("services.grant")}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
