// 积分政策版本: every points version with its state, effective period and the legal document it cites.
import { Alert, Button, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useSession } from "../../session/SessionContext";
import { codeLabel, peopleLine, statusColor, titleOf } from "./labels";

type Versions = ApiResponse<"/policies/points/versions">;
type Version = Versions["items"][number];

/** The list of versions; a policy officer starts a draft from the active version here. */
export function VersionsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { data, error, loading, reload } = useApiQuery<Versions>("/policies/points/versions");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const active = data?.items.find((item) => item.status === "active");
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("policies.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("policies.intro")}</Typography.Paragraph>
      {data?.problems.length ? (
        <Alert type="error" showIcon title={t("policies.loadProblems")} description={data.problems.join("\n")} />
      ) : null}
      {can("policies.draft") && active ? (
        <Link to={`/console/policies/new?from=${encodeURIComponent(active.id)}`}>
          <Button type="primary" data-testid="policies-new-draft">
            {t("policies.newDraft")}
          </Button>
        </Link>
      ) : null}
      <Table<Version>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={data?.items ?? []}
        data-testid="policies-versions"
        columns={[
          {
            title: t("policies.version"),
            dataIndex: "title",
            render: (_: unknown, version) => (
              <Link to={`/console/policies/${encodeURIComponent(version.id)}`}>
                {titleOf(version.title, i18n.language)}
              </Link>
            ),
          },
          {
            title: t("policies.state"),
            dataIndex: "status",
            render: (status: string) => <Tag color={statusColor[status]}>{codeLabel(t, "status", status)}</Tag>,
          },
          {
            title: t("policies.effectiveFrom"),
            dataIndex: "effectiveFrom",
            render: (from: string, version) =>
              version.status === "draft" || version.status === "approved"
                ? t("policies.proposed", { date: from })
                : from,
          },
          {
            title: t("policies.effectiveTo"),
            dataIndex: "effectiveTo",
            render: (to: string | null, version) => to ?? (version.status === "active" ? t("policies.open") : "—"),
          },
          { title: t("policies.reference"), dataIndex: "reference" },
          { title: t("policies.goldenTests"), dataIndex: "goldenTests" },
          {
            title: t("policies.people"),
            key: "people",
            render: (_: unknown, version) => peopleLine(t, version),
          },
        ]}
      />
    </Space>
  );
}
