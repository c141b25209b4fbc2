// One points policy version: its purposes and rows with their clauses, its golden tests (run on request), a
// simulation against the version in force over the current applicants, and approval and activation.
import { useState } from "react";
import { Alert, Button, Card, DatePicker, Descriptions, Form, Space, Statistic, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { apiGet, apiPost, apiUrl } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorResult } from "../../components/ErrorResult";
import { JobProgress } from "../../components/JobProgress";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useJob } from "../../components/useJob";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { codeLabel, peopleLine, statusColor, titleOf } from "./labels";
import { SimulationCharts } from "./SimulationCharts";
import { serverToday } from "../../api/today";

type Version = ApiResponse<"/policies/points/versions/{id}">;
type Indicator = Version["indicators"][number];
type Golden = ApiResponse<"/policies/points/versions/{id}/golden-tests", "post">;
type GoldenCase = Golden["cases"][number];
type Simulation = ApiResponse<"/policies/points/simulations/{id}">;
type Mover = Simulation["movers"][number];

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** The parameters of a row as one line: points per value, per unit, tiers, formula. */
function useParameters() {
  const { t } = useTranslation();
  return (row: Indicator): string => {
    if (row.valuePoints)
      return row.valuePoints.map((item) => `${codeLabel(t, "values", item.value)} ${item.points}`).join("，");
    if (row.tiers) return row.tiers.map((tier) => t("policies.tier", tier)).join("，");
    if (row.points !== null)
      return row.unit !== null
        ? t("policies.perUnit", { points: row.points, unit: row.unit, count: Number(row.points) })
        : String(row.points);
    return row.expression ? t("policies.formula") : "";
  };
}

/** The version page. */
export function VersionPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { can, user } = useSession();
  const path = `/policies/points/versions/${encodeURIComponent(id)}`;
  const { data: version, error, loading, reload } = useApiQuery<Version>(path);
  const [golden, setGolden] = useState<Golden | null>(null);
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const [simulationError, setSimulationError] = useState<unknown>(null);
  const parameters = useParameters();
  const runGolden = useSubmit(null, () => apiPost<Golden>(`${path}/golden-tests`).then(setGolden));
  const decide = useSubmit(null, (step: () => Promise<unknown>) => step().then(reload), { onReload: reload });
  const [activateForm] = Form.useForm<{ from: Dayjs }>();
  const simulate = useJob((job) => {
    if (job.status === "succeeded")
      apiGet<Simulation>(`/policies/points/simulations/${job.id}`).then(setSimulation, setSimulationError);
  });

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!version) return <Card loading />;
  const language = i18n.language;
  const status = codeLabel(t, "status", version.status);

  return (
    <Space orientation="vertical" size="middle" className="page-stack" data-testid="policy-version">
      <Typography.Title level={3}>
        {titleOf(version.title, language)} <Tag color={statusColor[version.status]}>{status}</Tag>
      </Typography.Title>
      <Link to="/console/policies">{t("policies.back")}</Link>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("policies.versionId")}>{version.id}</Descriptions.Item>
        <Descriptions.Item label={t("policies.state")}>{status}</Descriptions.Item>
        <Descriptions.Item label={t("policies.effectiveFrom")}>{version.effectiveFrom}</Descriptions.Item>
        <Descriptions.Item label={t("policies.effectiveTo")}>
          {version.effectiveTo ?? t("policies.open")}
        </Descriptions.Item>
        <Descriptions.Item label={t("policies.reference")}>{version.reference}</Descriptions.Item>
        <Descriptions.Item label={t("policies.people")}>{peopleLine(t, version)}</Descriptions.Item>
        {version.purposes.map((purpose) => (
          <Descriptions.Item key={purpose.name} label={t("policies.threshold", { purpose: purpose.zh })}>
            {t("policies.points", { points: purpose.threshold, count: Number(purpose.threshold) })}（{purpose.reference}
            ）
          </Descriptions.Item>
        ))}
      </Descriptions>

      <Card size="small" title={t("policies.decisions")}>
        <SubmitErrorAlert {...decide.alert} />
        <Space wrap>
          {can("policies.decide") && version.status === "draft" && version.author === user?.username ? (
            <Button disabled data-testid="policy-approve-own">
              {t("policies.approve")}
            </Button>
          ) : null}
          {can("policies.decide") && version.status === "draft" && version.author !== user?.username ? (
            <ConfirmButton
              type="primary"
              testId="policy-approve"
              loading={decide.saving}
              consequence={t("policies.approveConsequence")}
              onConfirm={() => decide.submit(() => apiPost(`${path}/approve`))}
            >
              {t("policies.approve")}
            </ConfirmButton>
          ) : null}
          {can("policies.decide") && version.status === "approved" ? (
            <Form form={activateForm} layout="inline" initialValues={{ from: serverToday() }}>
              <Form.Item name="from" label={t("policies.activateFrom")} rules={[{ required: true }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
              <ConfirmButton
                type="primary"
                danger
                testId="policy-activate"
                loading={decide.saving}
                consequence={t("policies.activateConsequence")}
                onConfirm={() =>
                  decide.submit(() =>
                    apiPost(`${path}/activate`, {
                      from: (activateForm.getFieldValue("from") as Dayjs).format("YYYY-MM-DD"),
                    }),
                  )
                }
              >
                {t("policies.activate")}
              </ConfirmButton>
            </Form>
          ) : null}
          {can("policies.draft") ? (
            <Link to={`/console/policies/new?from=${encodeURIComponent(version.id)}`}>
              <Button>{t("policies.copyAsDraft")}</Button>
            </Link>
          ) : null}
        </Space>
        {version.status === "draft" || version.status === "approved" ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {version.status === "draft"
              ? version.author === user?.username
                ? t("policies.ownDraft")
                : t("policies.approveRule")
              : t("policies.activateRule")}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card
        size="small"
        title={t("policies.goldenTitle")}
        extra={
          <Button
            onClick={() => void runGolden.submit(undefined)}
            loading={runGolden.saving}
            data-testid="policy-golden-run"
          >
            {t("policies.goldenRun")}
          </Button>
        }
      >
        <SubmitErrorAlert {...runGolden.alert} />
        {golden ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert
              type={golden.failed === 0 ? "success" : "error"}
              showIcon
              data-testid="policy-golden-summary"
              title={t("policies.goldenSummary", { passed: golden.passed, failed: golden.failed })}
            />
            <Table<GoldenCase>
              size="small"
              rowKey={(row) => `${row.file}/${row.name}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: true }}
              dataSource={golden.cases}
              data-testid="policy-golden-cases"
              columns={[
                {
                  title: t("policies.goldenResult"),
                  dataIndex: "passed",
                  render: (passed: boolean) => (
                    <Tag color={passed ? "green" : "red"}>{passed ? t("policies.passed") : t("policies.failed")}</Tag>
                  ),
                },
                { title: t("policies.goldenCase"), dataIndex: "name" },
                { title: t("policies.purpose"), dataIndex: "purposeZh", render: (zh: string | null) => zh ?? "" },
                {
                  title: t("policies.goldenDifferences"),
                  dataIndex: "failures",
                  render: (failures: GoldenCase["failures"]) =>
                    failures.map((failure) => (
                      <div key={failure.en}>{language === "en" ? failure.en : failure.zh}</div>
                    )),
                },
                { title: t("policies.goldenFile"), dataIndex: "file" },
              ]}
            />
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("policies.goldenHint", { count: version.goldenTests })}</Typography.Text>
        )}
      </Card>

      {version.status !== "active" && version.status !== "superseded" && can("policies.simulate") ? (
        <Card
          size="small"
          title={t("policies.sim.title")}
          extra={
            <Button
              type="primary"
              loading={simulate.running}
              onClick={() => {
                setSimulation(null);
                setSimulationError(null);
                void simulate.start("policies.simulate", { draftId: version.id });
              }}
              data-testid="policy-simulate"
            >
              {t("policies.sim.run")}
            </Button>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Typography.Text type="secondary">{t("policies.sim.hint")}</Typography.Text>
            <JobProgress job={simulate.job} testId="policy-simulation-progress" />
            <SubmitErrorAlert error={simulate.error ?? simulationError} />
            {simulation ? <SimulationView simulation={simulation} /> : null}
          </Space>
        </Card>
      ) : null}

      <Card size="small" title={t("policies.rows")}>
        <Table<Indicator>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={version.indicators}
          columns={[
            {
              title: t("policies.indicator"),
              dataIndex: "zh",
              render: (zh: string, row) => (language === "en" ? row.en : zh),
            },
            {
              title: t("policies.section"),
              dataIndex: "section",
              render: (code: string) => codeLabel(t, "sections", code),
            },
            { title: t("policies.parameters"), key: "parameters", render: (_: unknown, row) => parameters(row) },
            { title: t("policies.cap"), dataIndex: "cap", render: (cap: number | null) => cap ?? "—" },
            { title: t("policies.clause"), dataIndex: "reference" },
          ]}
        />
      </Card>
    </Space>
  );
}

/** A finished simulation: totals, the charts per 镇区 with their tables, the list of who moves, the workbook. */
function SimulationView({ simulation }: { simulation: Simulation }) {
  const { t, i18n } = useTranslation();
  const town = new Map(simulation.towns.map((row) => [row.townCode, row.townName]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="policy-simulation">
      <Typography.Text>
        {t("policies.sim.compared", {
          draft: titleOf(simulation.draft, i18n.language),
          baseline: titleOf(simulation.baseline, i18n.language),
          cycle: simulation.cycle?.title ?? t("policies.sim.noCycle"),
        })}
      </Typography.Text>
      <Space wrap size="large">
        <Statistic title={t("policies.sim.scored")} value={simulation.scored} />
        <Statistic title={t("policies.sim.gained")} value={simulation.gained} />
        <Statistic title={t("policies.sim.lost")} value={simulation.lost} />
        <Statistic title={t("policies.sim.unchanged")} value={simulation.unchanged} />
        {simulation.purposes.map((purpose) => (
          <Statistic
            key={purpose.purpose}
            title={t("policies.sim.eligibleOf", { purpose: codeLabel(t, "purposes", purpose.purpose) })}
            value={`${purpose.eligibleBefore} → ${purpose.eligibleAfter}`}
          />
        ))}
      </Space>
      {simulation.refused.draft + simulation.refused.baseline > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t("policies.sim.refused", { draft: simulation.refused.draft, baseline: simulation.refused.baseline })}
        />
      ) : null}
      {simulation.ignoredFacts.draft.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t("policies.sim.ignored", { count: simulation.ignoredFacts.draft.length })}
        />
      ) : null}
      <a
        href={apiUrl(`/policies/points/simulations/${simulation.jobId}/report.xlsx`)}
        download
        data-testid="policy-simulation-xlsx"
      >
        <Button>{t("policies.sim.xlsx")}</Button>
      </a>
      <SimulationCharts simulation={simulation} />
      <Card size="small" title={t("policies.sim.moversTitle", { count: simulation.movers.length })}>
        <Table<Mover>
          size="small"
          rowKey="applicationId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          dataSource={simulation.movers}
          data-testid="policy-simulation-movers"
          columns={[
            { title: t("policies.sim.name"), dataIndex: "name" },
            {
              title: t("policies.purpose"),
              dataIndex: "purpose",
              render: (code: string) => codeLabel(t, "purposes", code),
            },
            { title: t("policies.sim.town"), dataIndex: "townCode", render: (code: string) => town.get(code) ?? code },
            { title: t("policies.sim.before"), dataIndex: "baseline" },
            { title: t("policies.sim.after"), dataIndex: "draft" },
            { title: t("policies.sim.change"), dataIndex: "change", render: signed },
            {
              title: t("policies.sim.threshold"),
              key: "eligible",
              render: (_: unknown, mover) =>
                mover.eligibleBefore === mover.eligibleAfter
                  ? mover.eligibleAfter
                    ? t("policies.sim.staysAbove")
                    : t("policies.sim.staysBelow")
                  : mover.eligibleAfter
                    ? t("policies.sim.reaches")
                    : t("policies.sim.falls"),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
