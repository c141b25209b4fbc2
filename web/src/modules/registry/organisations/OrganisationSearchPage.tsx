import { Button, Card, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { OrganisationSummary, Page } from "../../../api/types";
import { useApiQuery } from "../../../api/useApiQuery";
import { ErrorResult } from "../../../components/ErrorResult";
import { useTownLabel } from "../../../components/useTownLabel";
import { ability } from "../../../session/abilities";
import { useSession } from "../../../session/SessionContext";
import { RegistrySearchBox } from "../RegistrySearchBox";

const pageSize = 20;

/** Social organisations and companies: search by name or credit code, then open one. */
export function OrganisationSearchPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const searchable = query.length >= 2;
  const { data, error, loading } = useApiQuery<Page<OrganisationSummary>>(searchable ? "/organisations" : null, {
    q: query,
    page,
    pageSize,
  });

  const update = (q: string, nextPage = 1) =>
    setParams({ ...(q ? { q } : {}), ...(nextPage > 1 ? { page: String(nextPage) } : {}) });

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4}>{t("organisation.searchTitle")}</Typography.Title>
        {can(ability.organisationsWrite) ? (
          <Link to="/console/registry/organisations/new">
            <Button icon={<PlusOutlined />} data-testid="register-organisation">
              {t("organisation.register")}
            </Button>
          </Link>
        ) : null}
      </div>
      <Card size="small">
        <Space orientation="vertical" className="page-stack">
          <RegistrySearchBox
            defaultValue={query}
            loading={loading}
            autoFocus
            placeholder={t("organisation.searchPlaceholder")}
            onSearch={(q) => update(q)}
          />
          {query && !searchable ? (
            <Typography.Text type="warning">{t("registry.queryTooShort")}</Typography.Text>
          ) : null}
        </Space>
      </Card>
      {error ? <ErrorResult error={error} /> : null}
      {searchable && !error ? (
        <Card size="small" title={t("registry.resultCount", { count: data?.total ?? 0 })}>
          <Table<OrganisationSummary>
            size="small"
            rowKey="id"
            loading={loading}
            dataSource={data?.items ?? []}
            data-testid="organisation-results"
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: (next) => update(query, next),
            }}
            columns={[
              {
                title: t("organisation.name"),
                dataIndex: "name",
                render: (name: string, organisation) => (
                  <Link
                    to={`/console/registry/organisations/${organisation.id}`}
                    data-testid="organisation-result-link"
                  >
                    {name}
                  </Link>
                ),
              },
              {
                title: t("organisation.kind"),
                dataIndex: "kind",
                render: (kind: string) => <Tag>{t(`organisationKind.${kind}`, { defaultValue: kind })}</Tag>,
              },
              {
                title: t("organisation.creditCode"),
                dataIndex: "creditCode",
                render: (code?: string | null) => <span className="mono">{code ?? ""}</span>,
              },
              { title: t("person.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
              {
                title: t("organisation.contactPhone"),
                dataIndex: "contactPhone",
                render: (phone?: string | null) => <span className="mono">{phone ?? ""}</span>,
              },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
