import { useState } from "react";
import { Button, Card, Input, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { factStatusLabels, type Queue } from "./types";
import { usePointsLabels } from "./usePointsLabels";
import { formatCodeValue } from "../../i18n/codes";
import { CodeWithLabel } from "./CodeWithLabel";
import { ProvisionalTag } from "../../components/DueDate";

/** The verification queue: a clerk's declared facts (check or forward in 5 working days), a department's facts and objections (check in 5). */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { factLabel, departmentLabel } = usePointsLabels();
  const { data, error, loading, reload } = useApiQuery<Queue>("/points/verification/queue");
  const [decisions, setDecisions] = useState<Record<string, { decision: string; value?: string; reason?: string }>>({});
  const verifier = can("points.verify");
  const { submit, error: actionError } = useSubmit(null, async ({ path, body }: { path: string; body?: unknown }) => {
    await apiPost(path, body);
    reload();
  });
  const act = (path: string, body?: unknown) => submit({ path, body });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  const due = (item: { due: string | null; overdue: boolean }) =>
    item.due ? (
      <>
        <Tag color={item.overdue ? "red" : "blue"}>
          {item.due}
          {item.overdue ? ` ${t("points.overdue")}` : ""}
        </Tag>
        <ProvisionalTag date={item.due} />
      </>
    ) : (
      "—"
    );

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("nav.queue")}</Typography.Title>
      {actionError ? <SubmitErrorAlert error={actionError} /> : null}
      <Card size="small" title={t("points.queueFacts")}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data?.facts ?? []}
          pagination={{ pageSize: 50 }}
          data-testid="points-queue-facts"
          columns={[
            {
              title: t("points.fact"),
              dataIndex: "fact",
              render: (fact: string, item: Queue["facts"][number]) => (
                <Link to={`/console/points/enrolments/${item.enrolmentId}`}>
                  <CodeWithLabel label={factLabel(fact)} code={fact} />
                </Link>
              ),
            },
            {
              title: t("points.value"),
              dataIndex: "value",
              render: (value: unknown) => formatCodeValue(value, i18n.language),
            },
            {
              title: t("points.status"),
              dataIndex: "status",
              render: (status: string) => factStatusLabels[status] ?? status,
            },
            {
              title: t("points.department"),
              dataIndex: "departmentCode",
              render: (code: string | null) => departmentLabel(code),
            },
            {
              title: t("points.evidence"),
              dataIndex: "fileIds",
              render: (ids: string[]) =>
                ids.map((id, index) => (
                  <a key={id} href={`/api/v1/files/${id}/content`}>
                    #{index + 1}{" "}
                  </a>
                )),
            },
            { title: t("points.due"), key: "due", render: (_: unknown, fact: Queue["facts"][number]) => due(fact) },
            {
              title: "",
              key: "actions",
              render: (_: unknown, fact: Queue["facts"][number]) =>
                verifier ? (
                  <Space>
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      placeholder={t("points.decide")}
                      value={decisions[fact.id]?.decision}
                      onChange={(decision) =>
                        setDecisions({ ...decisions, [fact.id]: { ...decisions[fact.id], decision } })
                      }
                      options={["confirmed", "corrected", "rejected"].map((value) => ({
                        value,
                        label: t(`points.${value}`),
                      }))}
                      data-testid="points-queue-decision"
                    />
                    {decisions[fact.id]?.decision === "corrected" ? (
                      <Input
                        size="small"
                        style={{ width: 90 }}
                        placeholder={t("points.value")}
                        onChange={(event) =>
                          setDecisions({
                            ...decisions,
                            [fact.id]: { ...decisions[fact.id], value: event.target.value },
                          })
                        }
                      />
                    ) : null}
                    <Input
                      size="small"
                      style={{ width: 160 }}
                      placeholder={t("points.reason")}
                      onChange={(event) =>
                        setDecisions({ ...decisions, [fact.id]: { ...decisions[fact.id], reason: event.target.value } })
                      }
                      data-testid="points-queue-reason"
                    />
                    <Button
                      size="small"
                      type="primary"
                      data-testid="points-queue-decide"
                      disabled={!decisions[fact.id]?.decision}
                      onClick={() => {
                        const chosen = decisions[fact.id];
                        const raw = chosen.value ?? "";
                        const value = /^\d+$/.test(raw)
                          ? Number(raw)
                          : raw === "true"
                            ? true
                            : raw === "false"
                              ? false
                              : raw;
                        void act(`/points/facts/${fact.id}/decide`, {
                          decision: chosen.decision,
                          reason: chosen.reason ?? "",
                          ...(chosen.decision === "corrected" ? { value } : {}),
                        });
                      }}
                    >
                      {t("points.decide")}
                    </Button>
                  </Space>
                ) : (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => void act(`/points/facts/${fact.id}/confirm`)}
                      data-testid="points-queue-confirm"
                    >
                      {t("points.confirm")}
                    </Button>
                    <Button
                      size="small"
                      disabled={!fact.departmentCode}
                      onClick={() => void act(`/points/facts/${fact.id}/send`)}
                      data-testid="points-queue-send"
                    >
                      {t("points.send")}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("points.queueObjections")}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data?.objections ?? []}
          pagination={false}
          data-testid="points-queue-objections"
          columns={[
            {
              title: t("points.fact"),
              dataIndex: "indicator",
              render: (code: string | null) => <CodeWithLabel label={factLabel(code)} code={code} />,
            },
            {
              title: t("points.department"),
              dataIndex: "departmentCode",
              render: (code: string | null) => departmentLabel(code),
            },
            { title: t("points.reason"), dataIndex: "reason" },
            {
              title: t("points.due"),
              key: "due",
              render: (_: unknown, objection: Queue["objections"][number]) => due(objection.deadline),
            },
            {
              title: "",
              key: "actions",
              render: (_: unknown, objection: Queue["objections"][number]) =>
                objection.status === "received" && !verifier ? (
                  <Button
                    size="small"
                    onClick={() => void act(`/publicity/objections/${objection.id}/forward`, {})}
                    data-testid="points-objection-forward"
                  >
                    {t("points.send")}
                  </Button>
                ) : verifier ? (
                  <Space>
                    <Button
                      size="small"
                      onClick={() =>
                        void act(`/publicity/objections/${objection.id}/answer`, {
                          decision: "upheld",
                          answer: decisions[objection.id]?.reason ?? "经核查异议成立",
                        })
                      }
                      data-testid="points-objection-uphold"
                    >
                      成立
                    </Button>
                    <Button
                      size="small"
                      onClick={() =>
                        void act(`/publicity/objections/${objection.id}/answer`, {
                          decision: "rejected",
                          answer: decisions[objection.id]?.reason ?? "经核查异议不成立",
                        })
                      }
                      data-testid="points-objection-reject"
                    >
                      不成立
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
