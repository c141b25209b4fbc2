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
        {data.policyId} · 入户第二轮：{data.hukouSecondRound.places} 个剩余名额，{data.hukouSecondRound.candidates}{" "}
        人参加，录取 {data.hukouSecondRound.admitted} 人
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
        options={towns.map((code) => ({ value: code, label: code === "city" ? "全市" : townLabel(code) }))}
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
            render: (code: string | null) => (code ? townLabel(code) : "全市"),
          },
          {
            title: t("points.grade"),
            dataIndex: "grade",
            render: (grade?: string) => (grade ? t(`points.${grade}`) : "—"),
          },
          { title: t("points.places"), dataIndex: "quota", align: "right" },
          { title: "申请", dataIndex: "applications", align: "right" },
          { title: "达到条件", dataIndex: "eligible", align: "right" },
          {
            title: "录取",
            dataIndex: "admitted",
            align: "right",
            render: (admitted: number, summary: RunReview["summaries"][number]) =>
              `${admitted}${summary.admittedSecondRound ? ` + ${summary.admittedSecondRound}（第二轮，上限 ${summary.secondRoundCap}）` : ""}`,
          },
          { title: "放弃", dataIndex: "forfeited", align: "right" },
          {
            title: "最低录取分",
            dataIndex: "cutoffTotal",
            align: "right",
            render: (cutoff: number | null) => (cutoff === null ? "—" : (cutoff / 100).toFixed(2)),
          },
        ]}
      />
    </Space>
  );
}
