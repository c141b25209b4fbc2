// 行政审批事项目录 (public): the history of the reform in figures and charts, then the catalogue with search and
// filters by status and department, each item linking to its page with the history of its changes.
import { useState } from "react";
import { Alert, Input, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDepartments } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { ReformCharts, type Reform } from "./ReformCharts";
import { StatusTag } from "./StatusTag";

type Items = ApiResponse<"/public/approvals/items">;
type Item = Items["items"][number];

/** The public catalogue page. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const departments = useDepartments().items;
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [departmentCode, setDepartmentCode] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const reform = useApiQuery<Reform>("/public/approvals/reform");
  const items = useApiQuery<Items>("/public/approvals/items", { q, status, departmentCode, page, pageSize: 20 });
  if (reform.error) return <ErrorResult error={reform.error} onRetry={reform.reload} />;
  if (items.error) return <ErrorResult error={items.error} onRetry={items.reload} />;
  const days = (value: number | null) =>
    value === null ? t("approvals.noLimit") : t("approvals.days", { count: value });

  return (
    <Space orientation="vertical" size="middle" className="page-stack public-page" data-testid="approvals-page">
      <Typography.Title level={2}>{t("approvals.title")}</Typography.Title>
      <Typography.Paragraph>{t("approvals.intro")}</Typography.Paragraph>
      <Typography.Title level={3}>{t("approvals.reformTitle")}</Typography.Title>
      {reform.data ? (
        <>
          <Alert type="info" showIcon title={t("approvals.reformSummary", reform.data.totals)} />
          <ReformCharts reform={reform.data} />
        </>
      ) : (
        <Spin />
      )}
      <Typography.Title level={3}>{t("approvals.title")}</Typography.Title>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t("approvals.search")}
          placeholder={t("approvals.search")}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
          data-testid="approvals-search"
        />
        <Select
          allowClear
          aria-label={t("approvals.status")}
          placeholder={t("approvals.allStatuses")}
          value={status}
          onChange={(value?: string) => {
            setStatus(value);
            setPage(1);
          }}
          options={(["kept", "cancelled", "delegated"] as const).map((key) => ({
            value: key,
            label: t(`approvals.statuses.${key}`),
          }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          aria-label={t("approvals.department")}
          placeholder={t("approvals.allDepartments")}
          value={departmentCode}
          onChange={(value?: string) => {
            setDepartmentCode(value);
            setPage(1);
          }}
          options={departments.map((department) => ({ value: department.code, label: department.name }))}
          style={{ width: 220 }}
        />
      </Space>
      <Table<Item>
        size="small"
        rowKey="code"
        loading={items.loading}
        dataSource={items.data?.items ?? []}
        data-testid="approvals-items"
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: items.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t("approvals.total", { count }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t("approvals.code"),
            dataIndex: "code",
            render: (code: string) => <Link to={`/portal/approvals/${encodeURIComponent(code)}`}>{code}</Link>,
          },
          {
            title: t("approvals.name"),
            dataIndex: "name",
            render: (name: string, item) => (
              <>
                {name} {item.synthetic ? <Tag>{t("approvals.synthetic")}</Tag> : null}
              </>
            ),
          },
          { title: t("approvals.department"), dataIndex: "departmentName" },
          { title: t("approvals.statutoryDays"), dataIndex: "statutoryDays", render: days },
          { title: t("approvals.promisedDays"), dataIndex: "promisedDays", render: days },
          {
            title: t("approvals.status"),
            dataIndex: "status",
            render: (value: Item["status"]) => <StatusTag status={value} />,
          },
          { title: t("approvals.statusOn"), dataIndex: "statusOn" },
          { title: t("approvals.document"), dataIndex: "statusDocument" },
        ]}
      />
    </Space>
  );
}
