import { useState } from "react";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiResponse, ItemOf } from "../../api/schema";
import type { Page } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { useTownLabel } from "../../components/useTownLabel";

/** A payment line (GET /assistance/payrolls/{month}/lines). */
type PayrollLine = ItemOf<ApiResponse<"/assistance/payrolls/{month}/lines">>;

/** The payment lines of a month for review before approval, paged, optionally of one 镇区. */
export function PayrollLinesTable({ month, townCode }: { month: string; townCode?: string }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [page, setPage] = useState(1);
  const { data, loading } = useApiQuery<Page<PayrollLine>>(`/assistance/payrolls/${month}/lines`, {
    townCode,
    page,
    pageSize: 50,
  });
  return (
    <Table<PayrollLine>
      size="small"
      rowKey={(line) => `${line.caseId}-${line.kind}-${line.forMonth}`}
      loading={loading}
      dataSource={data?.items ?? []}
      data-testid="assistance-payroll-lines"
      pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      columns={[
        { title: t("assistance.payee"), dataIndex: "payeeName" },
        { title: t("assistance.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
        {
          title: t("assistance.month"),
          dataIndex: "forMonth",
          render: (value: string, line) => (line.kind === "adjustment" ? <Tag color="orange">{value}</Tag> : value),
        },
        { title: t("assistance.members"), dataIndex: "members", align: "right" },
        { title: t("assistance.dibao"), dataIndex: "dibaoYuan", align: "right" },
        { title: t("assistance.supplement"), dataIndex: "supplementYuan", align: "right" },
        { title: t("assistance.priceSubsidy"), dataIndex: "priceSubsidyYuan", align: "right" },
        {
          title: t("assistance.total"),
          dataIndex: "totalYuan",
          align: "right",
          render: (value: string) => <span className="mono">{value}</span>,
        },
        {
          title: t("assistance.bankAccount"),
          dataIndex: "bankAccount",
          render: (value: string) => <span className="mono">{value}</span>,
        },
      ]}
    />
  );
}
