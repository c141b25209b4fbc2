import { useState } from "react";
import { Button, Card, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { ConfirmButton } from "../../components/ConfirmButton";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { JobProgress } from "../../components/JobProgress";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useJob } from "../../components/useJob";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { CreateCycleForm, QuotaImport } from "./CycleAdminForms";
import { RunSummary } from "./RunSummary";
import { RunVerification } from "./RunVerification";
import { SchoolsEditor } from "./SchoolsEditor";
import type { ApiResponse, ItemOf } from "../../api/schema";
import type { Run } from "./types";

/** The quotas and schools of a cycle (GET /points/cycles/{id}/quotas). */
type Quotas = ApiResponse<"/points/cycles/{id}/quotas">;

/** Programme admin: cycles, their quotas, ranking runs (the hashes for auditors under 核验信息), publish and the final list. */
export function CyclesPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { can } = useSession();
  const cycles = useApiQuery<ApiResponse<"/points/cycles">>("/points/cycles");
  const [chosen, setChosen] = useState<string | null>(null);
  const cycleId = chosen ?? cycles.data?.items[0]?.id ?? null;
  const runs = useApiQuery<{ items: ItemOf<ApiResponse<"/points/cycles/{id}/runs">>[] }>(
    cycleId ? `/points/cycles/${cycleId}/runs` : null,
  );
  const quotas = useApiQuery<Quotas>(cycleId ? `/points/cycles/${cycleId}/quotas` : null);
  const admin = can("points.programme");
  // Ranking and publishing are jobs: a progress bar follows each, and the runs are read again once it ends.
  const job = useJob(runs.reload);
  const {
    saving: busy,
    submit: act,
    error,
  } = useSubmit(null, async (path: string) => {
    await apiPost(path);
    runs.reload();
  });
  if (cycles.error) return <ErrorResult error={cycles.error} onRetry={cycles.reload} />;
  if (cycles.loading && !cycles.data) return <Skeleton active />;
  const cycle = cycles.data?.items.find((item) => item.id === cycleId);

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("nav.cycles")}</Typography.Title>
      {admin ? <CreateCycleForm onDone={cycles.reload} /> : null}
      <Select
        style={{ width: 360 }}
        value={cycleId ?? undefined}
        onChange={setChosen}
        aria-label={t("nav.cycles")}
        data-testid="points-cycle-select"
        options={(cycles.data?.items ?? []).map((item) => ({
          value: item.id,
          label: t("points.cycleOption", { title: item.title, opens: item.opensOn, closes: item.closesOn }),
        }))}
      />
      {cycle ? (
        <Typography.Text type="secondary">
          {t("points.cycleLine", {
            opens: cycle.opensOn,
            closes: cycle.closesOn,
            quotasDue: cycle.quotasDueOn,
            policy: cycle.policyId,
            units: cycle.housingUnits,
          })}
        </Typography.Text>
      ) : null}
      {error || job.error ? <SubmitErrorAlert error={error ?? job.error} /> : null}
      <JobProgress job={job.job} testId="points-run-job" />
      <Card
        size="small"
        title={t("points.runs")}
        extra={
          admin && cycleId ? (
            <Button
              type="primary"
              loading={job.running}
              onClick={() => void job.start("points.ranking", { cycleId })}
              data-testid="points-run"
            >
              {t("points.run")}
            </Button>
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={runs.data?.items ?? []}
          data-testid="points-runs"
          expandable={{
            expandedRowRender: (run: Run) => (
              <Space orientation="vertical" size="small" className="page-stack">
                <RunSummary runId={run.id} />
                <RunVerification run={run} />
              </Space>
            ),
          }}
          columns={[
            { title: t("points.sequence"), dataIndex: "sequence" },
            {
              title: t("points.status"),
              dataIndex: "status",
              render: (status: string) => <Tag>{t(`points.runStatus.${status}`, { defaultValue: status })}</Tag>,
            },
            {
              title: "",
              key: "actions",
              render: (_: unknown, run: Run) =>
                admin ? (
                  <Space>
                    {run.status === "completed" ? (
                      <ConfirmButton
                        size="small"
                        loading={job.running}
                        consequence={t("points.publishConsequence")}
                        onConfirm={() => job.start("points.publish", { runId: run.id })}
                        testId="points-run-publish"
                      >
                        {t("points.publish")}
                      </ConfirmButton>
                    ) : null}
                    {run.status === "published" ? (
                      <ConfirmButton
                        size="small"
                        loading={busy}
                        consequence={t("points.finaliseConsequence")}
                        onConfirm={() => act(`/points/runs/${run.id}/finalise`)}
                        testId="points-run-finalise"
                      >
                        {t("points.finalise")}
                      </ConfirmButton>
                    ) : null}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t("points.quotas")}
        extra={admin && cycleId ? <QuotaImport cycleId={cycleId} onDone={quotas.reload} /> : null}
      >
        <Table
          size="small"
          rowKey={(quota) => `${quota.purpose}:${quota.townCode}:${quota.grade ?? ""}`}
          dataSource={quotas.data?.quotas ?? []}
          pagination={{ pageSize: 24 }}
          data-testid="points-quotas"
          columns={[
            { title: t("points.purpose"), dataIndex: "purpose", render: (purpose: string) => t(`points.${purpose}`) },
            { title: t("points.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
            {
              title: t("points.grade"),
              dataIndex: "grade",
              render: (grade: string | null) => (grade ? t(`points.${grade}`) : "—"),
            },
            { title: t("points.places"), dataIndex: "places", align: "right" },
            {
              title: t("points.synthetic"),
              dataIndex: "synthetic",
              render: (synthetic: boolean) => (synthetic ? <Tag color="orange">{t("points.synthetic")}</Tag> : ""),
            },
          ]}
        />
      </Card>
      {cycleId ? <SchoolsEditor key={cycleId} cycleId={cycleId} admin={admin} /> : null}
    </Space>
  );
}
