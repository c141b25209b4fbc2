import { useState } from "react";
import { Button, Card, Input, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FactValueInput } from "./FactValueInput";
import { useFactValueLabel } from "./factValues";
import type { FactDefinition } from "./types";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import type { Queue } from "./types";
import { usePointsLabels } from "./usePointsLabels";
import { CodeWithLabel } from "./CodeWithLabel";
import { ProvisionalTag } from "../../components/DueDate";

/** The verification queue: a clerk's declared facts (check or forward in 5 working days), a department's facts and objections (check in 5). */
export function QueuePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { factLabel, departmentLabel } = usePointsLabels();
  const valueLabel = useFactValueLabel();
  const { data, error, loading, reload } = useApiQuery<Queue>("/points/verification/queue");
  const vocabulary = useApiQuery<{ facts: FactDefinition[] }>("/public/points/facts");
  const definitionOf = (fact: string) => vocabulary.data?.facts.find((candidate) => candidate.name === fact);
  const [decisions, setDecisions] = useState<Record<string, { decision: string; value?: unknown; reason?: string }>>(
    {},
  );
  const [answers, setAnswers] = useState<Record<string, string>>({});
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
            { title: t("points.whose"), dataIndex: "personName" },
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
              render: (value: unknown, item: Queue["facts"][number]) => valueLabel(item.fact, value),
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
            {
              title: t("points.evidence"),
              dataIndex: "files",
              render: (files: Queue["facts"][number]["files"]) => <FileLinks files={files} />,
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
                      aria-label={t("points.decide")}
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
                      <FactValueInput
                        size="small"
                        width={150}
                        definition={definitionOf(fact.fact)}
                        value={decisions[fact.id]?.value}
                        ariaLabel={t("points.correctedValue")}
                        testId="points-queue-value"
                        onChange={(value) =>
                          setDecisions({ ...decisions, [fact.id]: { ...decisions[fact.id], value } })
                        }
                      />
                    ) : null}
                    <Input
                      size="small"
                      style={{ width: 160 }}
                      placeholder={t("points.reason")}
                      aria-label={t("points.reason")}
                      onChange={(event) =>
                        setDecisions({ ...decisions, [fact.id]: { ...decisions[fact.id], reason: event.target.value } })
                      }
                      data-testid="points-queue-reason"
                    />
                    <ConfirmButton
                      size="small"
                      type="primary"
                      testId="points-queue-decide"
                      disabled={
                        !decisions[fact.id]?.decision ||
                        (decisions[fact.id]?.reason ?? "").trim().length < 2 ||
                        (decisions[fact.id]?.decision === "corrected" && decisions[fact.id]?.value === undefined)
                      }
                      consequence={t(`points.decideConsequence.${decisions[fact.id]?.decision ?? "confirmed"}`, {
                        value: valueLabel(fact.fact, decisions[fact.id]?.value),
                      })}
                      onConfirm={() => {
                        const chosen = decisions[fact.id];
                        return act(`/points/facts/${fact.id}/decide`, {
                          decision: chosen.decision,
                          reason: chosen.reason ?? "",
                          ...(chosen.decision === "corrected" ? { value: chosen.value } : {}),
                        });
                      }}
                    >
                      {t("points.decide")}
                    </ConfirmButton>
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
              title: t("points.whose"),
              key: "entry",
              render: (_: unknown, objection: Queue["objections"][number]) => (
                <>
                  {objection.listTitle ?? ""}
                  {objection.rank ? ` · 第 ${objection.rank} 名` : ""} {objection.maskedName ?? ""}
                </>
              ),
            },
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
              title: t("points.evidence"),
              dataIndex: "files",
              render: (files: Queue["objections"][number]["files"]) => <FileLinks files={files} />,
            },
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
                  <Space orientation="vertical" size={4}>
                    <Input.TextArea
                      rows={2}
                      style={{ width: 260 }}
                      maxLength={2000}
                      value={answers[objection.id] ?? ""}
                      placeholder={t("points.answerPlaceholder")}
                      aria-label={t("points.answer")}
                      onChange={(event) => setAnswers({ ...answers, [objection.id]: event.target.value })}
                      data-testid="points-objection-answer"
                    />
                    <Space>
                      {(["upheld", "rejected"] as const).map((decision) => (
                        <ConfirmButton
                          key={decision}
                          size="small"
                          type={decision === "upheld" ? "primary" : "default"}
                          testId={decision === "upheld" ? "points-objection-uphold" : "points-objection-reject"}
                          disabled={(answers[objection.id] ?? "").trim().length < 2}
                          title={
                            (answers[objection.id] ?? "").trim().length < 2 ? t("points.answerRequired") : undefined
                          }
                          consequence={t(
                            decision === "upheld" ? "points.upholdConsequence" : "points.rejectConsequence",
                          )}
                          onConfirm={() =>
                            act(`/publicity/objections/${objection.id}/answer`, {
                              decision,
                              answer: (answers[objection.id] ?? "").trim(),
                            })
                          }
                        >
                          {t(decision === "upheld" ? "points.upheld" : "points.rejectedObjection")}
                        </ConfirmButton>
                      ))}
                    </Space>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Evidence files by their original names, each a download. */
function FileLinks({ files }: { files: { id: string; name: string }[] }) {
  if (files.length === 0) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {files.map((file) => (
        <a key={file.id} href={`/api/v1/files/${file.id}/content`} data-testid="points-queue-file">
          {file.name}
        </a>
      ))}
    </Space>
  );
}
