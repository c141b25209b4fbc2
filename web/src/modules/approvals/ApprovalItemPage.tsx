// One approval item (public): its department, legal basis, time limits and status, and every change with its date,
// document and reform round.
import { Button, Descriptions, Space, Spin, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { StatusTag } from "./StatusTag";

type ItemPage = ApiResponse<"/public/approvals/items/{code}">;

/** The item page. */
export function ApprovalItemPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const { data, error, reload } = useApiQuery<ItemPage>(`/public/approvals/items/${encodeURIComponent(code)}`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Spin size="large" className="page-spinner" />;
  const { item, history } = data;
  const days = (value: number | null) =>
    value === null ? t("approvals.noLimit") : t("approvals.days", { count: value });
  return (
    <Space orientation="vertical" size="middle" className="page-stack public-page" data-testid="approval-item-page">
      <Link to="/portal/approvals">
        <Button>{t("approvals.back")}</Button>
      </Link>
      <Typography.Title level={2}>{item.name}</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "code", label: t("approvals.code"), children: item.code },
          { key: "department", label: t("approvals.department"), children: item.departmentName },
          { key: "basis", label: t("approvals.legalBasis"), children: item.legalBasis },
          { key: "statutory", label: t("approvals.statutoryDays"), children: days(item.statutoryDays) },
          { key: "promised", label: t("approvals.promisedDays"), children: days(item.promisedDays) },
          { key: "status", label: t("approvals.status"), children: <StatusTag status={item.status} /> },
          { key: "on", label: t("approvals.statusOn"), children: item.statusOn },
          { key: "document", label: t("approvals.document"), children: item.statusDocument },
        ]}
      />
      <Typography.Title level={3}>{t("approvals.history")}</Typography.Title>
      <Timeline
        data-testid="approval-history"
        items={history.map((step, index) => ({
          key: String(index),
          content: (
            <Space wrap>
              <span>{step.changedOn}</span>
              <StatusTag status={step.status} />
              <span>{step.document}</span>
              {step.round ? <span>（{step.round}）</span> : null}
              {step.note ? <Typography.Text type="secondary">{step.note}</Typography.Text> : null}
            </Space>
          ),
        }))}
      />
    </Space>
  );
}
