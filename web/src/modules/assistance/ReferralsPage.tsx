// Referrals (转介) into assistance: items another module forwards (a vendor's recommendation its department
// approved) take effect only when the town's desk accepts them here — opening the household's application on the
// counter form, or linking a case already open — or are declined with a reason. Clerks see their 镇区's.
import { Alert, Button, Input, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DueDate } from "../../components/DueDate";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";

type Referrals = ApiResponse<"/assistance/referrals">;
type Referral = Referrals["items"][number];

const statusColours: Record<string, string> = { pending: "blue", accepted: "green", declined: "default" };

export function ReferralsPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [status, setStatus] = useState<string>("pending");
  const { data, error, loading, reload } = useApiQuery<Referrals>("/assistance/referrals", {
    status: status === "all" ? undefined : status,
  });
  const [caseNumbers, setCaseNumbers] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const link = useSubmit(null, async (id: string, key: string) => {
    await apiPost(`/assistance/referrals/${id}/case-link`, { caseNumber: caseNumbers[id] ?? "" }, key);
    reload();
  });
  const decline = useSubmit(null, async (id: string, key: string) => {
    await apiPost(`/assistance/referrals/${id}/decline`, { reason: reasons[id] ?? "" }, key);
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4} data-testid="assistance-referrals-title">
        {t("assistance.referrals.title")}
      </Typography.Title>
      <Alert type="info" showIcon title={t("assistance.referrals.hint")} />
      <Segmented
        value={status}
        onChange={(value) => setStatus(String(value))}
        options={[
          ...["pending", "accepted", "declined"].map((code) => ({
            value: code,
            label: t(`assistance.referrals.status.${code}`),
          })),
          { value: "all", label: t("assistance.referrals.all") },
        ]}
      />
      <SubmitErrorAlert {...link.alert} />
      <SubmitErrorAlert {...decline.alert} />
      <Table<Referral>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("assistance.referrals.empty") }}
        data-testid="assistance-referrals"
        columns={[
          { title: t("assistance.referrals.receivedOn"), dataIndex: "receivedOn" },
          {
            title: t("assistance.referrals.dueOn"),
            render: (_: unknown, record) => (record.status === "pending" ? <DueDate date={record.dueOn} /> : "—"),
          },
          { title: t("assistance.referrals.source"), dataIndex: "sourceName" },
          { title: t("assistance.referrals.subject"), dataIndex: "subjectName" },
          { title: t("assistance.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("assistance.referrals.reason"), dataIndex: "reason" },
          {
            title: t("assistance.referrals.outcome"),
            render: (_: unknown, record) => (
              <span data-testid={`assistance-referral-outcome-${record.id}`}>
                <Tag color={statusColours[record.status]}>{t(`assistance.referrals.status.${record.status}`)}</Tag>
                {record.caseId ? (
                  <Link to={`/console/assistance/cases/${record.caseId}`}>{record.caseNumber}</Link>
                ) : (
                  record.decisionNote
                )}
              </span>
            ),
          },
          {
            title: t("action.actions"),
            render: (_: unknown, record) =>
              record.status === "pending" ? (
                <Space orientation="vertical" size="small">
                  <Link to={`/console/assistance/cases/new?referral=${record.id}`}>
                    <Button size="small" type="primary" data-testid={`assistance-referral-open-${record.id}`}>
                      {t("assistance.referrals.open")}
                    </Button>
                  </Link>
                  <Space size="small">
                    <Input
                      size="small"
                      style={{ width: 150 }}
                      placeholder={t("assistance.referrals.caseNumber")}
                      aria-label={t("assistance.referrals.caseNumber")}
                      value={caseNumbers[record.id] ?? ""}
                      onChange={(event) =>
                        setCaseNumbers((current) => ({ ...current, [record.id]: event.target.value }))
                      }
                      data-testid={`assistance-referral-case-${record.id}`}
                    />
                    <ConfirmButton
                      size="small"
                      testId={`assistance-referral-link-${record.id}`}
                      consequence={t("assistance.referrals.linkConsequence")}
                      loading={link.saving}
                      onConfirm={() => link.submit(record.id)}
                    >
                      {t("assistance.referrals.link")}
                    </ConfirmButton>
                  </Space>
                  <Space size="small">
                    <Input
                      size="small"
                      style={{ width: 150 }}
                      placeholder={t("assistance.referrals.declineReason")}
                      aria-label={t("assistance.referrals.declineReason")}
                      value={reasons[record.id] ?? ""}
                      onChange={(event) => setReasons((current) => ({ ...current, [record.id]: event.target.value }))}
                      data-testid={`assistance-referral-reason-${record.id}`}
                    />
                    <ConfirmButton
                      size="small"
                      danger
                      testId={`assistance-referral-decline-${record.id}`}
                      consequence={t("assistance.referrals.declineConsequence")}
                      loading={decline.saving}
                      onConfirm={() => decline.submit(record.id)}
                    >
                      {t("assistance.referrals.decline")}
                    </ConfirmButton>
                  </Space>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
