// 城市指标 for everyone (no login): aggregates only, counts of people under 5 shown as "<5"; year filter.
import { useState } from "react";
import { Select, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { DashboardView } from "./DashboardView";
import type { Dashboard } from "./format";
import { yearMonth, yearOptions } from "./years";

/** The public dashboard (GET /public/insight/indicators). */
export function PublicDashboardPage() {
  const { t } = useTranslation();
  const [chosenYear, setYear] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useApiQuery<Dashboard>("/public/insight/indicators", { year: chosenYear });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack public-page" data-testid="public-dashboard">
      <Typography.Title level={2}>{t("insight.publicTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("insight.publicIntro")}</Typography.Paragraph>
      {data ? (
        <>
          <label>
            {t("insight.year")}{" "}
            <Select
              aria-label={t("insight.year")}
              value={chosenYear ?? data.year}
              onChange={setYear}
              options={yearOptions(yearMonth(data.asOf).year)}
              style={{ width: 100 }}
              data-testid="insight-year"
            />
          </label>
          <Spin spinning={loading}>
            <DashboardView dashboard={data} />
          </Spin>
        </>
      ) : (
        <Spin size="large" className="page-spinner" />
      )}
    </Space>
  );
}
