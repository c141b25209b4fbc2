import { Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
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
  const { can } = useSession();
  const registryPath = (entry: AuditEntry) =>
    can(ability.registrySearch) && entry.entityId && (entry.entityType === "person" || entry.entityType === "household")
      ? `/console/registry/${entry.entityType}s/${entry.entityId}`
      : null;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey={(entry) => String(entry.position)}
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
        { title: t("audit.position"), dataIndex: "position", width: 72 },
        { title: t("audit.time"), dataIndex: "at", width: 160, render: (at: string) => formatTime(at) },
        {
          title: t("audit.actor"),
          dataIndex: "actorUsername",
          render: (name?: string | null) => name ?? t("audit.system"),
        },
        {
          title: t("audit.action"),
          dataIndex: "action",
          render: (action: string) => <Tag title={action}>{t(`auditAction.${action}`, { defaultValue: action })}</Tag>,
        },
        {
          title: t("audit.entity"),
          key: "entity",
          className: "nowrap",
          render: (_: unknown, entry) =>
            entry.entityType ? (
              <span>
                {t(`entityType.${entry.entityType}`, { defaultValue: entry.entityType })}{" "}
                {registryPath(entry) ? (
                  <Link to={registryPath(entry)!} className="mono entity-id" title={entry.entityId ?? ""}>
                    {shortId(entry.entityId)}
                  </Link>
                ) : (
                  <span className="mono entity-id" title={entry.entityId ?? ""}>
                    {shortId(entry.entityId)}
                  </span>
                )}
              </span>
            ) : (
              ""
            ),
        },
        { title: t("audit.details"), key: "details", render: (_: unknown, entry) => <AuditDetails entry={entry} /> },
      ]}
    />
  );
}

/** The first block of a UUID is enough to tell records apart on screen; the full id is in the tooltip. */
function shortId(id: string | null | undefined): string {
  if (!id) return "";
  return /^[0-9a-f]{8}-/.test(id) ? `${id.slice(0, 8)}…` : id;
}
