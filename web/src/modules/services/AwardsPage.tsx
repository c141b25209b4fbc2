// 购买服务中标结果 (public): every awarded service need with the winning organisation, its price (the contract
// amount), score, the award method and dates. Only the winner: no other bid, no legal representative or account.
import { Card, Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { useCodeLabel } from "./labels";

type Awards = ApiResponse<"/services/awards">;
type Award = Awards["items"][number];

export function AwardsPage() {
  const { t, i18n } = useTranslation();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Awards>("/services/awards");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const money = (amount: string) => {
    const value = Number(amount);
    return Number.isFinite(value)
      ? value.toLocaleString(i18n.language === "en" ? "en-GB" : "zh-CN", {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        })
      : amount;
  };
  return (
    <Card style={{ margin: "24px auto", maxWidth: 1200 }} data-testid="services-awards-page">
      <Typography.Title level={2}>{t("services.awardsTitle")}</Typography.Title>
      <Typography.Paragraph>{t("services.awardsIntro")}</Typography.Paragraph>
      <Table<Award>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        caption={t("services.awardsCaption")}
        data-testid="services-awards"
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={t("services.noAwards")} /> }}
        columns={[
          {
            title: t("services.publishedOn"),
            dataIndex: "publishedOn",
            render: (day: string | null) => day ?? "—",
          },
          { title: t("services.title"), dataIndex: "title" },
          { title: t("services.department"), dataIndex: "departmentName", responsive: ["lg"] },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) || "—" },
          { title: t("services.winnerVendor"), dataIndex: "winner" },
          { title: t("services.awardAmountYuan"), dataIndex: "amountYuan", align: "right", render: money },
          { title: t("services.budgetYuan"), dataIndex: "budgetYuan", align: "right", render: money },
          { title: t("services.totalScore"), dataIndex: "score", align: "right" },
          {
            title: t("services.awardMethodLabel"),
            dataIndex: "method",
            render: (method: string, award) => (
              <>
                {label("awardMethod", method)}
                {award.validBids !== null ? (
                  <Typography.Text type="secondary" style={{ display: "block" }}>
                    {t("services.validBidsCount", { count: award.validBids })}
                  </Typography.Text>
                ) : null}
                {award.exceptionReason ? (
                  <Typography.Text type="secondary" style={{ display: "block" }}>
                    {award.exceptionReason}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t("services.servicePeriod"),
            render: (_: unknown, award) => `${award.periodStart} – ${award.periodEnd}`,
          },
          {
            title: t("services.publicityEndOn"),
            dataIndex: "publicityEndOn",
            render: (day: string | null) => day ?? "—",
          },
        ]}
      />
    </Card>
  );
}
