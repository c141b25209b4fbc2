import { Skeleton, Table, Typography } from "antd";
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
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  if (!data) return null;
  const shown = data.summaries
    .filter((summary) => summary.applications > 0 || summary.quota > 0)
    .sort((a, b) => b.applications - a.applications);
  return (
    <>
      <Typography.Text type="secondary">
        {data.policyId} · 入户第二轮：{data.hukouSecondRound.places} 个剩余名额，{data.hukouSecondRound.candidates}{" "}
        人参加，录取 {data.hukouSecondRound.admitted} 人
      </Typography.Text>
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
    </>
  );
}
