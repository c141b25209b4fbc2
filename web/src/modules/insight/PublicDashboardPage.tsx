// 城市指标 for everyone (no login): aggregates only, counts of people under 5 shown as "<5"; filters by year and
// 镇区 (kept in the address, `?year=2026&townCode=shiqi`, so a link shows the same figures), drill-down from a
// 镇区's bar, and an XLSX of exactly the figures shown.
import { Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { apiUrl } from "../../api/client";
import { useTowns } from "../../api/reference";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { DashboardView } from "./DashboardView";
import type { Dashboard } from "./format";
import { TownFilter, XlsxLink, YearFilter } from "./DashboardFilters";
import { yearMonth } from "./years";

/** The public dashboard (GET /public/insight/indicators) and its XLSX (GET /public/insight/indicators.xlsx). */
export function PublicDashboardPage() {
  const { t } = useTranslation();
  const towns = useTowns().items;
  const [search, setSearch] = useSearchParams();
  const chosenYear = /^\d{4}$/.test(search.get("year") ?? "") ? Number(search.get("year")) : undefined;
  const townCode = search.get("townCode") || undefined;
  const setFilter = (name: "year" | "townCode", value: string | number | undefined) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === undefined || value === "") next.delete(name);
        else next.set(name, String(value));
        return next;
      },
      { replace: true },
    );
  const query = { year: chosenYear, townCode };
  const { data, error, loading, reload } = useApiQuery<Dashboard>("/public/insight/indicators", query);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack public-page" data-testid="public-dashboard">
      <Typography.Title level={2}>{t("insight.publicTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("insight.publicIntro")} {townCode ? null : t("insight.drillHint")}
      </Typography.Paragraph>
      {data ? (
        <>
          <Space wrap data-testid="insight-filters">
            <YearFilter
              value={chosenYear ?? data.year}
              latestYear={yearMonth(data.asOf).year}
              onChange={(value) => setFilter("year", value)}
            />
            <TownFilter value={townCode} towns={towns} onChange={(value) => setFilter("townCode", value)} />
            <XlsxLink href={apiUrl("/public/insight/indicators.xlsx", { year: chosenYear ?? data.year, townCode })} />
          </Space>
          <Spin spinning={loading}>
            <DashboardView dashboard={data} onTown={townCode ? undefined : (code) => setFilter("townCode", code)} />
          </Spin>
        </>
      ) : (
        <Spin size="large" className="page-spinner" />
      )}
    </Space>
  );
}
