// 创新资金评审结果 (public): the calls whose results are published, and per call its projects ranked with score,
// outcome and grant. Organisations and projects only: no payee, bank account or person.
import { Card, Empty, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { FundTag } from "./labels";

type Results = ApiResponse<"/fund/results">;
type Call = Results["items"][number];
type Project = Call["projects"][number];

/** An amount in yuan as the API sends it ("60000.00"), grouped for reading. */
function yuan(amount: string, language: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return value.toLocaleString(language === "en" ? "en-GB" : "zh-CN", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

export function FundResultsPage() {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const [search] = useSearchParams();
  const { data, error, loading, reload } = useApiQuery<Results>("/fund/results");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const calls = data?.items ?? [];
  const selected = calls.find((call) => call.id === search.get("call")) ?? calls[0];
  const money = (amount: string) => yuan(amount, i18n.language);
  return (
    <Card style={{ margin: "24px auto", maxWidth: 1100 }} data-testid="fund-results-page">
      <Space orientation="vertical" size="middle" className="page-stack">
        <Typography.Title level={2}>{t("fund.resultsTitle")}</Typography.Title>
        <Typography.Paragraph>{t("fund.resultsIntro")}</Typography.Paragraph>
        <Table<Call>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={calls}
          caption={t("fund.resultsCalls")}
          data-testid="fund-results-calls"
          locale={{ emptyText: <Empty description={t("fund.noResults")} /> }}
          columns={[
            { title: t("fund.year"), dataIndex: "year" },
            {
              title: t("fund.call"),
              dataIndex: "title",
              render: (title: string, call) =>
                call.id === selected?.id ? (
                  <strong aria-current="true">{title}</strong>
                ) : (
                  <Link to={`?call=${encodeURIComponent(call.id)}`}>{title}</Link>
                ),
            },
            { title: t("fund.budgetYuan"), dataIndex: "budgetYuan", align: "right", render: money },
            { title: t("fund.totalGrantedYuan"), dataIndex: "grantedYuan", align: "right", render: money },
            {
              title: t("fund.fundedOfApplications"),
              align: "right",
              render: (_: unknown, call) => `${call.fundedCount} / ${call.applicationCount}`,
            },
            {
              title: t("fund.publicityPeriod"),
              render: (_: unknown, call) =>
                call.publicityStartOn ? `${call.publicityStartOn} – ${call.publicityEndOn ?? ""}` : "—",
            },
          ]}
        />
        {selected ? (
          <>
            <Typography.Title level={3}>
              {t("fund.resultsOf", { year: selected.year, title: selected.title })}
            </Typography.Title>
            <Table<Project>
              size="small"
              rowKey={(project) => `${project.rank ?? "-"}-${project.organisation}-${project.title}`}
              pagination={false}
              dataSource={selected.projects}
              caption={t("fund.resultsCaption", { year: selected.year, title: selected.title })}
              data-testid="fund-results-projects"
              scroll={{ x: "max-content" }}
              columns={[
                {
                  title: t("fund.rank"),
                  dataIndex: "rank",
                  render: (rank: number | null) => rank ?? "—",
                },
                { title: t("fund.applicantName"), dataIndex: "organisation" },
                {
                  title: t("fund.town"),
                  dataIndex: "townCode",
                  render: (code: string | null) => townLabel(code) || "—",
                },
                { title: t("fund.projectTitle"), dataIndex: "title" },
                {
                  title: t("fund.category"),
                  dataIndex: "categoryLabel",
                  render: (label: string | null, project) => label ?? project.category ?? "—",
                },
                { title: t("fund.score"), dataIndex: "score", align: "right", render: (score) => score ?? "—" },
                {
                  title: t("fund.outcomeLabel"),
                  dataIndex: "outcome",
                  render: (code: string | null) => <FundTag group="outcome" code={code} />,
                },
                { title: t("fund.requestedYuan"), dataIndex: "requestedYuan", align: "right", render: money },
                { title: t("fund.grantedYuan"), dataIndex: "grantedYuan", align: "right", render: money },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Card>
  );
}
