import { Card, Space, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { AuditEntry, Page } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AuditFilters, type AuditFilterValues } from "./AuditFilters";
import { AuditLogTable } from "./AuditLogTable";
import { ChainVerification } from "./ChainVerification";

const filterNames = ["entityType", "action", "actorId", "entityId"] as const;

/** The audit log with filters, and the hash-chain verification. */
export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = Object.fromEntries(
    filterNames.map((name) => [name, params.get(name) ?? undefined]).filter(([, value]) => value),
  );
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const { data, error, loading, reload } = useApiQuery<Page<AuditEntry>>("/audit", { ...filters, page, pageSize: 20 });

  const apply = (values: AuditFilterValues, nextPage = 1) => {
    const search: Record<string, string> = {};
    for (const name of filterNames) {
      const value = values[name]?.trim();
      if (value) search[name] = value;
    }
    if (nextPage > 1) search.page = String(nextPage);
    setParams(search);
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("audit.title")}</Typography.Title>
      {can(ability.auditVerify) ? (
        <Card size="small" title={t("audit.chainTitle")}>
          <Typography.Paragraph type="secondary">{t("audit.chainExplain")}</Typography.Paragraph>
          <ChainVerification />
        </Card>
      ) : null}
      <Card size="small" title={t("audit.logTitle")}>
        <Space orientation="vertical" size="middle" className="page-stack">
          <AuditFilters initial={filters} onApply={(values) => apply(values)} />
          {error ? (
            <ErrorResult error={error} onRetry={reload} />
          ) : (
            <AuditLogTable page={data} loading={loading} onPage={(next) => apply(filters, next)} />
          )}
        </Space>
      </Card>
    </Space>
  );
}
