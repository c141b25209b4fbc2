import { useState } from "react";
import { Button, Card, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSession } from "../../session/SessionContext";
import { ProposeStandardForm } from "./ProposeStandardForm";
import { StandardDecisionModal } from "./StandardDecisionModal";
import { StandardSimulation } from "./StandardSimulation";
import { fenToYuan, type Standard } from "./standards.types";
import "./text.staff";

const statusColours: Record<string, string> = {
  proposed: "default",
  submitted: "blue",
  approved: "green",
  rejected: "red",
};

/** Standards: the policy officer proposes (natural growth + simulation) and submits; the programme admin approves; the approved list with dates. */
export function StandardsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { data, error, loading, reload } = useApiQuery<{ items: Standard[] }>("/assistance/standards");
  const [expanded, setExpanded] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<Standard | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  const items = data?.items ?? [];
  const approved = items
    .filter((item) => item.status === "approved")
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  const submitForApproval = async (standard: Standard) => {
    setActionError(null);
    try {
      await apiPost(`/assistance/standards/${standard.id}/submission`, { version: standard.version });
      reload();
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4} data-testid="assistance-standards-title">
        {t("assistance.standard.title")}
      </Typography.Title>
      {can("assistance.standards.propose") ? (
        <Card size="small" title={t("assistance.standard.proposeTitle")}>
          <ProposeStandardForm
            onProposed={(id) => {
              setExpanded([id]);
              reload();
            }}
          />
        </Card>
      ) : null}
      <Card size="small" title={t("assistance.standard.proposals")}>
        <SubmitErrorAlert error={actionError} onReload={reload} />
        <Table<Standard>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          data-testid="assistance-standards-table"
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
            expandedRowRender: (standard) => <StandardSimulation standard={standard} />,
          }}
          columns={[
            { title: t("assistance.standard.effectiveFrom"), dataIndex: "effectiveFrom" },
            { title: t("assistance.standard.standard"), dataIndex: "standardYuan", align: "right" },
            { title: t("assistance.standard.supplement"), dataIndex: "supplementYuan", align: "right" },
            {
              title: t("assistance.standard.difference"),
              key: "difference",
              align: "right",
              render: (_: unknown, standard) =>
                standard.simulation ? fenToYuan(standard.simulation.differenceFen) : "—",
            },
            {
              title: t("assistance.status"),
              dataIndex: "status",
              render: (status: string) => (
                <Tag color={statusColours[status]}>{t(`assistance.standard.status.${status}`)}</Tag>
              ),
            },
            {
              title: t("assistance.standard.proposedOn"),
              dataIndex: "createdAt",
              render: (value: string) => value.slice(0, 10),
            },
            { title: t("assistance.action.reason"), dataIndex: "decisionReason" },
            {
              title: "",
              key: "actions",
              render: (_: unknown, standard) => (
                <Space>
                  {standard.status === "proposed" && can("assistance.standards.propose") ? (
                    <Button
                      size="small"
                      onClick={() => void submitForApproval(standard)}
                      data-testid={`assistance-standard-submit-${standard.effectiveFrom}`}
                    >
                      {t("assistance.standard.submit")}
                    </Button>
                  ) : null}
                  {standard.status === "submitted" && can("assistance.standards.approve") ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding(standard)}
                      data-testid={`assistance-standard-decide-${standard.effectiveFrom}`}
                    >
                      {t("assistance.standard.decide")}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("assistance.standard.approvedTitle")}>
        <Table<Standard>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={approved}
          data-testid="assistance-standards-approved"
          locale={{ emptyText: t("assistance.standard.noneApproved") }}
          columns={[
            { title: t("assistance.standard.effectiveFrom"), dataIndex: "effectiveFrom" },
            { title: t("assistance.standard.standard"), dataIndex: "standardYuan", align: "right" },
            { title: t("assistance.standard.supplement"), dataIndex: "supplementYuan", align: "right" },
            {
              title: t("assistance.standard.proposedOn"),
              dataIndex: "createdAt",
              render: (value: string) => value.slice(0, 10),
            },
          ]}
        />
      </Card>
      {deciding ? (
        <StandardDecisionModal standard={deciding} onClose={() => setDeciding(null)} onDone={reload} />
      ) : null}
    </Space>
  );
}
