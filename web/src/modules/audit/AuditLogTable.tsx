import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry, Page } from "../../api/types";
import { AuditDetails } from "../../components/AuditDetails";
import { formatTime } from "../../components/formatTime";

interface Props {
  page: Page<AuditEntry> | undefined;
  loading: boolean;
  onPage: (page: number) => void;
}

/** Audit entries, newest first, one dense row each. */
export function AuditLogTable({ page, loading, onPage }: Props) {
  const { t } = useTranslation();
  return (
    <Table<AuditEntry>
      size="small"
      rowKey={(entry) => String(entry.id)}
      loading={loading}
      dataSource={page?.items ?? []}
      data-testid="audit-table"
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: false,
        onChange: onPage,
      }}
      columns={[
        { title: t("audit.position"), dataIndex: "position", width: 80, render: (value?: number, entry?: AuditEntry) => value ?? entry?.id },
        { title: t("audit.time"), key: "time", width: 170, render: (_: unknown, entry) => formatTime(entry.at ?? entry.createdAt) },
        { title: t("audit.actor"), key: "actor", render: (_: unknown, entry) => entry.actorName ?? entry.actorId ?? t("audit.system") },
        { title: t("audit.action"), dataIndex: "action", render: (action: string) => <Tag>{action}</Tag> },
        {
          title: t("audit.entity"),
          key: "entity",
          render: (_: unknown, entry) =>
            entry.entityType ? `${t(`entityType.${entry.entityType}`, { defaultValue: entry.entityType })} ${entry.entityId ?? ""}` : "",
        },
        { title: t("audit.details"), key: "details", render: (_: unknown, entry) => <AuditDetails value={entry.changes ?? entry.details ?? entry.data} /> },
      ]}
    />
  );
}
