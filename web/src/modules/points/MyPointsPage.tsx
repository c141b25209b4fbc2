import { Button, Card, Input, List, Popconfirm, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiPost, apiUrl } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { ApplyForm } from "./ApplyForm";
import { DeclareFactForm } from "./DeclareFactForm";
import { EnrolForm } from "./EnrolForm";
import type { Application, CaseFile } from "./types";
import { usePointsLabels } from "./usePointsLabels";
import { CodeWithLabel } from "./CodeWithLabel";
import { VolunteerLedgerCard } from "../participation/VolunteerLedgerCard";
import { useSession } from "../../session/SessionContext";
import { useFactValueLabel } from "./factValues";
import { MyObjectionsCard, NotificationsCard } from "./ResidentNotices";
import { ScoreStepsTable } from "./ScoreStepsTable";

/** The resident's points: enrolment, declared facts with evidence, applications with score history and results, messages. */
export function MyPointsPage() {
  const { data, error, loading, reload } = useApiQuery<CaseFile>("/points/me");
  if (error?.status === 404) return <EnrolForm onDone={reload} />;
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  return data ? <CaseFileView data={data} reload={reload} counter={false} /> : null;
}

/** One enrolment at the counter (clerk): the same case file, facts entered as checked, applications on the resident's behalf, fraud. */
export function EnrolmentPage() {
  const { id = "" } = useParams();
  const { data, error, loading, reload } = useApiQuery<CaseFile>(`/points/enrolments/${encodeURIComponent(id)}`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  return data ? <CaseFileView data={data} reload={reload} counter /> : null;
}

function FraudButton({ enrolmentId, onDone }: { enrolmentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  return (
    <Space>
      <Input
        size="small"
        placeholder={t("points.fraudFacts")}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        style={{ width: 220 }}
        data-testid="points-fraud-reason"
      />
      <Popconfirm
        title={t("points.fraudConfirm")}
        onConfirm={() => apiPost(`/points/enrolments/${enrolmentId}/fraud`, { reason }).then(onDone, setError)}
      >
        <Button size="small" danger data-testid="points-fraud">
          {t("points.fraudRecord")}
        </Button>
      </Popconfirm>
      {error ? <SubmitErrorAlert error={error} /> : null}
    </Space>
  );
}

function CaseFileView({ data, reload, counter }: { data: CaseFile; reload: () => void; counter: boolean }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { can } = useSession();
  const { factLabel, departmentLabel } = usePointsLabels();
  const valueLabel = useFactValueLabel();
  const { enrolment } = data;
  // The resident on their own page, or a clerk at the counter, acts on the file; a verifier or auditor only reads it.
  const acts = counter ? can("points.counter") : can("points.own");
  const title = !counter ? t("nav.myPoints") : can("points.counter") ? t("nav.counter") : t("nav.verifierCase");
  const resultText = (application: Application) => {
    if (!application.result) return "—";
    const { rank, outcome, round, runStatus } = application.result;
    const place = rank === null ? t("points.notRanked") : t("points.rankIs", { rank });
    const outcomeText = t(`code.rankingOutcome.${outcome}`, { defaultValue: outcome });
    return `${place} · ${outcomeText}${round === 2 ? t("points.secondRound") : ""}${runStatus === "final" ? "" : t("points.inPublicity")}`;
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4} data-testid="points-me-title">
        {title} · {enrolment.name}
      </Typography.Title>
      <Typography.Text>
        {townLabel(enrolment.townCode)} · {enrolment.enrolledOn} ·{" "}
        <Tag color={enrolment.status === "barred" ? "red" : "green"} data-testid="points-me-status">
          {enrolment.status === "barred"
            ? t("points.barredTag", { reason: enrolment.barredReason ?? "" })
            : t("points.enrolledTag")}
        </Tag>
      </Typography.Text>
      {!counter ? <NotificationsCard /> : null}
      {!counter ? <MyObjectionsCard /> : null}
      {counter && acts && enrolment.status !== "barred" ? (
        <FraudButton enrolmentId={enrolment.id} onDone={reload} />
      ) : null}
      {data.messages.length > 0 ? (
        <Card size="small" title={t("points.messages")}>
          <List
            size="small"
            dataSource={data.messages}
            renderItem={(message) => (
              <List.Item>
                {message.at.slice(0, 10)} {message.text}
              </List.Item>
            )}
            data-testid="points-me-messages"
          />
        </Card>
      ) : null}
      <Card size="small" title={t("points.facts")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.facts}
          data-testid="points-me-facts"
          columns={[
            {
              title: t("points.fact"),
              dataIndex: "fact",
              render: (code: string) => <CodeWithLabel label={factLabel(code)} code={code} />,
            },
            {
              title: t("points.value"),
              dataIndex: "value",
              render: (value: unknown, fact: CaseFile["facts"][number]) => valueLabel(fact.fact, value),
            },
            {
              title: t("points.status"),
              dataIndex: "status",
              render: (status: string) => t(`points.factStatus.${status}`, { defaultValue: status }),
            },
            {
              title: t("points.department"),
              dataIndex: "departmentCode",
              render: (code: string | null) => departmentLabel(code),
            },
            { title: t("points.reason"), dataIndex: "reason" },
          ]}
        />
        {acts && enrolment.status !== "barred" ? (
          <DeclareFactForm enrolmentId={enrolment.id} townCode={enrolment.townCode} onDone={reload} />
        ) : null}
      </Card>
      <VolunteerLedgerCard facts={data.volunteerLedger} />
      <Card size="small" title={t("points.applications")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.applications}
          data-testid="points-me-applications"
          expandable={{
            // Open by default: the breakdown is what a resident looks for first.
            defaultExpandAllRows: true,
            expandedRowRender: (application: Application) => (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Typography.Text strong>{t("points.breakdown")}</Typography.Text>
                <ScoreStepsTable steps={application.breakdown} testId="points-me-breakdown" />
                <List
                  size="small"
                  header={t("points.history")}
                  dataSource={application.history}
                  renderItem={(row) => (
                    <List.Item>
                      {row.at.slice(0, 10)} · {row.total.toFixed(2)} · {row.reason}
                    </List.Item>
                  )}
                />
              </Space>
            ),
          }}
          columns={[
            { title: t("points.purpose"), dataIndex: "purpose", render: (purpose: string) => t(`points.${purpose}`) },
            { title: t("points.childName"), dataIndex: "childName" },
            { title: t("points.community"), dataIndex: "communityName" },
            {
              title: t("points.total"),
              dataIndex: "total",
              align: "right",
              render: (total: number) => total.toFixed(2),
            },
            {
              title: t("points.status"),
              dataIndex: "status",
              render: (status: string, application: Application) =>
                status === "disqualified"
                  ? t("points.disqualified")
                  : application.eligible
                    ? t("points.eligible")
                    : t("points.notEligible"),
            },
            {
              title: t("points.result"),
              key: "result",
              render: (_: unknown, application: Application) => resultText(application),
            },
            {
              title: t("points.notice"),
              key: "notice",
              render: (_: unknown, application: Application) =>
                application.result?.runStatus === "final" ? (
                  <a href={apiUrl(`/points/applications/${application.id}/notice`)} data-testid="points-me-notice">
                    {t("points.notice")}
                  </a>
                ) : (
                  "—"
                ),
            },
            {
              title: "",
              key: "refuse",
              render: (_: unknown, application: Application) =>
                acts && application.result?.outcome === "admitted" && !application.placementRefusedOn ? (
                  <Popconfirm
                    title={t("points.refusePlacementConfirm")}
                    onConfirm={() =>
                      apiPost(`/points/applications/${application.id}/refuse-placement`).then(reload, () => reload())
                    }
                  >
                    <Button size="small" danger data-testid="points-me-refuse">
                      {t("points.refusePlacement")}
                    </Button>
                  </Popconfirm>
                ) : application.placementRefusedOn ? (
                  t("points.placementRefusedOn", { date: application.placementRefusedOn })
                ) : null,
            },
          ]}
        />
        {acts && enrolment.status !== "barred" ? (
          <ApplyForm enrolmentId={enrolment.id} townCode={enrolment.townCode} onDone={reload} />
        ) : null}
      </Card>
    </Space>
  );
}
