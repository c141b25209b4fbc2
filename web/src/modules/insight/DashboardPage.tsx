// 城市指标看板 for staff: filters by year and 镇区 (clerks see their 镇区 only), the goals with their charts and
// tables, the XLSX export of what is shown and the printable monthly PDF report.
import { useState } from "react";
import { Alert, Button, Select, Space, Spin, Typography } from "antd";
import { FilePdfOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../../api/client";
import { useTowns } from "../../api/reference";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { TownFilter, XlsxLink, YearFilter } from "./DashboardFilters";
import { yearMonth } from "./years";
import { DashboardView } from "./DashboardView";
import type { Dashboard } from "./format";

/** The staff dashboard (GET /insight/indicators). */
export function DashboardPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const towns = useTowns().items;
  // No year until the user picks one: the server answers for its own this year, and its `asOf` gives the choices.
  const [chosenYear, setYear] = useState<number | undefined>(undefined);
  const [townCode, setTownCode] = useState<string | undefined>(undefined);
  const [chosenMonth, setMonth] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useApiQuery<Dashboard>("/insight/indicators", {
    year: chosenYear,
    townCode,
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Spin size="large" className="page-spinner" />;
  const today = yearMonth(data.asOf);
  const thisYear = today.year;
  const thisMonth = today.month;
  const year = chosenYear ?? data.year;
  const query = { year, townCode };
  const month = chosenMonth ?? (year === thisYear ? thisMonth : 12);
  const scope = data.scope;
  const townChoices = Array.isArray(scope) ? towns.filter((town) => scope.includes(town.code)) : towns;
  const lastMonth = year === thisYear ? thisMonth : 12;

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("insight.dashboardTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("insight.dashboardIntro")} {t("insight.drillHint")}
      </Typography.Paragraph>
      {Array.isArray(scope) ? (
        <Alert type="info" showIcon title={t("insight.scopeTown", { towns: scope.map(townLabel).join("、") })} />
      ) : null}
      <Space wrap data-testid="insight-filters">
        <YearFilter
          value={year}
          latestYear={thisYear}
          onChange={(value) => {
            setYear(value);
            setMonth(undefined);
          }}
        />
        <TownFilter value={townCode} towns={townChoices} onChange={setTownCode} />
        <XlsxLink href={apiUrl("/insight/indicators.xlsx", query)} />
        <label>
          {t("insight.month")}{" "}
          <Select
            aria-label={t("insight.month")}
            value={month}
            onChange={setMonth}
            options={Array.from({ length: lastMonth }, (_, index) => ({
              value: index + 1,
              label: t("insight.monthLabel", { month: index + 1 }),
            }))}
            style={{ width: 90 }}
          />
        </label>
        <a
          href={apiUrl("/insight/report.pdf", { ...query, month })}
          download
          data-testid="insight-report-pdf"
          target="_blank"
          rel="noreferrer"
        >
          <Button icon={<FilePdfOutlined />} tabIndex={-1}>
            {t("insight.monthlyReport")}
          </Button>
        </a>
      </Space>
      <Spin spinning={loading}>
        <DashboardView dashboard={data} onTown={townCode ? undefined : setTownCode} />
      </Spin>
    </Space>
  );
}
