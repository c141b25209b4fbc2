import { Button, Card, Segmented, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { HouseholdSummary, Page, PersonSummary } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { HouseholdResultsTable } from "./HouseholdResultsTable";
import { PersonResultsTable } from "./PersonResultsTable";
import { RegistrySearchBox } from "./RegistrySearchBox";

const pageSize = 20;

/** Search first, never a full list: persons by name/ID/phone, households by address/head/ID. */
export function RegistrySearchPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const kind = params.get("kind") === "households" ? "households" : "persons";
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const searchable = query.length >= 2;

  const { data, error, loading } = useApiQuery<Page<PersonSummary | HouseholdSummary>>(searchable ? `/${kind}` : null, {
    q: query,
    page,
    pageSize,
  });

  const update = (next: { q?: string; kind?: string; page?: number }) => {
    const merged = { q: query, kind, page: 1, ...next };
    const search: Record<string, string> = { kind: merged.kind };
    if (merged.q) search.q = merged.q;
    if (merged.page > 1) search.page = String(merged.page);
    setParams(search);
  };

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: (next: number) => update({ page: next }),
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4}>{t("registry.searchTitle")}</Typography.Title>
        {can(ability.registryWrite) ? (
          <Space>
            <Link to="/console/registry/persons/new">
              <Button icon={<PlusOutlined />} data-testid="register-person">
                {t("registry.registerPerson")}
              </Button>
            </Link>
            <Link to="/console/registry/households/new">
              <Button icon={<PlusOutlined />} data-testid="register-household">
                {t("registry.registerHousehold")}
              </Button>
            </Link>
          </Space>
        ) : null}
      </div>
      <Card size="small">
        <Space orientation="vertical" className="page-stack">
          <Segmented
            value={kind}
            onChange={(value) => update({ kind: String(value) })}
            options={[
              { label: t("registry.persons"), value: "persons" },
              { label: t("registry.households"), value: "households" },
            ]}
            data-testid="registry-search-kind"
          />
          <RegistrySearchBox defaultValue={query} loading={loading} autoFocus onSearch={(q) => update({ q })} />
          <Typography.Text type="secondary">
            {kind === "persons" ? t("registry.searchHintPersons") : t("registry.searchHintHouseholds")}
          </Typography.Text>
        </Space>
      </Card>
      {query && !searchable ? <Typography.Text type="warning">{t("registry.queryTooShort")}</Typography.Text> : null}
      {error ? <ErrorResult error={error} /> : null}
      {searchable && !error ? (
        <Card size="small" title={t("registry.resultCount", { count: data?.total ?? 0 })}>
          {kind === "persons" ? (
            <PersonResultsTable
              persons={(data?.items ?? []) as PersonSummary[]}
              loading={loading}
              pagination={pagination}
            />
          ) : (
            <HouseholdResultsTable
              households={(data?.items ?? []) as HouseholdSummary[]}
              loading={loading}
              pagination={pagination}
            />
          )}
        </Card>
      ) : null}
    </Space>
  );
}
