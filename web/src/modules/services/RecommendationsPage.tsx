// Vendors' recommendations that need a government decision (e.g. that a household receives assistance), for the
// owning department: the programme admin, or the clerk of the recommendation's 镇区. Only this decision takes effect,
// except for assistance: approved, it is forwarded to the assistance module as a referral, and its status here
// follows the referral (accepted with the case number, or declined with the reason).
import { Alert, Button, Input, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { CodeTag, useCodeLabel } from "./labels";

type Recommendations = ApiResponse<"/services/recommendations">;

export function RecommendationsPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const [status, setStatus] = useState<string>("pending");
  const { data, error, loading, reload } = useApiQuery<Recommendations>("/services/recommendations", {
    status: status === "all" ? undefined : status,
  });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = useSubmit(null, async (values: { id: string; approved: boolean }, key: string) => {
    await apiPost(
      `/services/recommendations/${values.id}/decision`,
      { approved: values.approved, note: notes[values.id] ?? "" },
      key,
    );
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.recommendationsTitle")}</Typography.Title>
      <Alert type="info" showIcon title={t("services.vendorNeverDecides")} />
      <Alert type="info" showIcon title={t("services.referralHint")} />
      <Segmented
        value={status}
        onChange={(value) => setStatus(String(value))}
        options={[
          ...["pending", "approved", "rejected", "forwarded", "accepted", "declined"].map((code) => ({
            value: code,
            label: label("recommendationStatus", code),
          })),
          { value: "all", label: t("audit.any") },
        ]}
      />
      <SubmitErrorAlert {...decide.alert} />
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="services-recommendations"
        columns={[
          { title: t("services.vendor"), dataIndex: "vendorName" },
          { title: t("services.kind"), dataIndex: "kind", render: (kind: string) => label("recommendationKind", kind) },
          { title: t("services.subject"), dataIndex: "subjectName" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.reasonLabel"), dataIndex: "reason" },
          {
            title: t("services.status"),
            render: (_: unknown, record) => (
              <>
                <CodeTag group="recommendationStatus" code={record.status} />
                {record.decisionNote}
              </>
            ),
          },
          {
            title: t("services.referralOutcome"),
            render: (_: unknown, record) => (
              <span data-testid={`recommendation-referral-${record.id}`}>
                {record.status === "accepted" && record.referralNote
                  ? t("services.referralCase", { number: record.referralNote })
                  : record.referralNote}
              </span>
            ),
          },
          {
            title: t("action.actions"),
            render: (_: unknown, record) =>
              record.status === "pending" ? (
                <Space>
                  <Input
                    size="small"
                    placeholder={t("services.decisionNote")}
                    aria-label={t("services.decisionNote")}
                    value={notes[record.id] ?? ""}
                    onChange={(event) => setNotes((current) => ({ ...current, [record.id]: event.target.value }))}
                  />
                  <Button
                    size="small"
                    type="primary"
                    data-testid="recommendation-approve"
                    onClick={() => void decide.submit({ id: record.id, approved: true })}
                  >
                    {t("services.approve")}
                  </Button>
                  <Button size="small" onClick={() => void decide.submit({ id: record.id, approved: false })}>
                    {t("services.reject")}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
