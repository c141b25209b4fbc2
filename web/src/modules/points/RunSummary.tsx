import { useState } from "react";
import { Select, Skeleton, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import type { ApiResponse } from "../../api/schema";

/** A run with its per-scope summaries (GET /points/runs/{id}). */
type RunReview = ApiResponse<"/points/runs/{id}">;

/** A run for review before publishing: per scope quota, applications, admissions and the cut-off total. */
export function RunSummary({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<RunReview>(`/points/runs/${runId}`);
  const [town, setTown] = useState<string | null>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  if (!data) return null;
  const relevant = data.summaries.filter((summary) => summary.applications > 0 || summary.quota > 0);
  // A run covers every 镇区 and purpose (a hundred rows and more): the reviewer can look at one 镇区 at a time.
  const towns = [...new Set(relevant.map((summary) => summary.townCode ?? "city"))];
  const shown = relevant
    .filter((summary) => town === null || (summary.townCode ?? "city") === town)
    .sort((a, b) => b.applications - a.applications);
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        {t("points.hukouSecondRound", { policy: data.policyId, ...data.hukouSecondRound })}
      </Typography.Text>
      <Select
        style={{ width: 220 }}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t("points.summaryTown")}
        aria-label={t("points.summaryTown")}
        value={town ?? undefined}
        onChange={(value?: string) => setTown(value ?? null)}
        data-testid="points-run-summary-town"
        options={towns.map((code) => ({
          value: code,
          label: code === "city" ? t("points.wholeCity") : townLabel(code),
        }))}
      />
      <Table
        size="small"
        rowKey={(summary) => `${summary.purpose}:${summary.townCode}:${summary.grade ?? ""}`}
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        data-testid="points-run-summary"
        columns={[
          { title: t("points.purpose"), dataIndex: "purpose", render: (purpose: string) => t(`points.${purpose}`) },
          {
            title: t("points.town"),
            dataIndex: "townCode",
            render: (code: string | null) => (code ? townLabel(code) : t("points.wholeCity")),
          },
          {
            title: t("points.grade"),
            dataIndex: "grade",
            render: (grade?: string) => (grade ? t(`points.${grade}`) : "—"),
          },
          { title: t("points.places"), dataIndex: "quota", align: "right" },
          { title: t("points.applicationsCount"), dataIndex: "applications", align: "right" },
          { title: t("points.eligibleCount"), dataIndex: "eligible", align: "right" },
          {
            title: t("points.admittedCount"),
            dataIndex: "admitted",
            align: "right",
            render: (admitted: number, summary: RunReview["summaries"][number]) =>
              summary.admittedSecondRound
                ? t("points.admittedSecondRound", {
                    admitted,
                    second: summary.admittedSecondRound,
                    cap: summary.secondRoundCap,
                  })
                : String(admitted),
          },
          { title: t("points.forfeitedCount"), dataIndex: "forfeited", align: "right" },
          {
            title: t("points.cutoffTotal"),
            dataIndex: "cutoffTotal",
            align: "right",
            render: (cutoff: number | null) => (cutoff === null ? "—" : (cutoff / 100).toFixed(2)),
          },
        ]}
      />
    </Space>
  );
}
