import { Table } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import type { AuditEntry, Page } from "../../api/types";
import { AuditDetails } from "../../components/AuditDetails";

interface Props {
  page: Page<AuditEntry> | undefined;
  loading: boolean;
  onPage: (page: number) => void;
}

/** Audit entries, newest first: one sentence each (who, when, what, which record) and the fields it recorded. */
export function AuditLogTable({ page, loading, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
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
        {
          title: t("audit.entry"),
          key: "summary",
          render: (_: unknown, entry) => {
            const sentence = english ? entry.summary.en : entry.summary.zh;
            const path = registryPath(entry);
            return (
              <span data-testid="audit-summary">
                {sentence}
                {path ? (
                  <>
                    {" "}
                    <Link to={path}>{t("audit.openRecord")}</Link>
                  </>
                ) : null}
              </span>
            );
          },
        },
        {
          title: t("audit.details"),
          key: "details",
          render: (_: unknown, entry) => (
            <>
              <AuditDetails entry={entry} />
              {entry.unlabelledFields > 0 ? (
                <div className="audit-more">{t("audit.unlabelled", { count: entry.unlabelledFields })}</div>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
