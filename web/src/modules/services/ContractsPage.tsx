// Service contracts: officers and auditors see all, a vendor its own; each with its state and improvement flag.
// The programme admin exports the bank payment file of the payments made in a period, of all contracts or of the
// contracts ticked in the table (a POST: each export is recorded in the audit log).
import { Button, Card, DatePicker, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiDownload } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { CodeTag } from "./labels";
import { serverToday } from "../../api/today";

type Contracts = ApiResponse<"/services/contracts">;

function PaymentFileCard({ selected }: { selected: string[] }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([serverToday().startOf("month"), serverToday()]);
  const exporting = useSubmit(null, async (format: "csv" | "xlsx") => {
    const body = {
      from: period[0].format("YYYY-MM-DD"),
      to: period[1].format("YYYY-MM-DD"),
      ...(selected.length > 0 ? { contractIds: selected } : {}),
      format,
    };
    await apiDownload("/services/payment-file", body, `services-payments.${format}`);
  });
  return (
    <Card size="small" title={t("services.paymentFile")} data-testid="services-payment-file-card">
      <Space wrap>
        <DatePicker.RangePicker
          value={period}
          onChange={(values) => values?.[0] && values[1] && setPeriod([values[0], values[1]])}
          allowClear={false}
          aria-label={t("services.paymentFilePeriod")}
        />
        <Button
          loading={exporting.saving}
          onClick={() => void exporting.submit("csv")}
          data-testid="services-payment-file"
        >
          {t("services.paymentFile")} CSV
        </Button>
        <Button
          loading={exporting.saving}
          onClick={() => void exporting.submit("xlsx")}
          data-testid="services-payment-file-xlsx"
        >
          {t("services.paymentFile")} XLSX
        </Button>
        <Typography.Text type="secondary">
          {selected.length > 0
            ? t("services.paymentFileSelected", { count: selected.length })
            : t("services.paymentFileAll")}
        </Typography.Text>
      </Space>
      <SubmitErrorAlert {...exporting.alert} />
    </Card>
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { can } = useSession();
  const pay = can("services.contracts.pay");
  const [selected, setSelected] = useState<string[]>([]);
  const { data, error, loading, reload } = useApiQuery<Contracts>("/services/contracts");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.contractsTitle")}</Typography.Title>
      {pay ? <PaymentFileCard selected={selected} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="services-contracts"
        rowSelection={
          pay
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (record) => ({
                  "aria-label": t("services.paymentFileChoose", { title: record.needTitle }),
                }),
              }
            : undefined
        }
        columns={[
          {
            title: t("services.title"),
            dataIndex: "needTitle",
            render: (title: string, record) => <Link to={`/console/services/contracts/${record.id}`}>{title}</Link>,
          },
          { title: t("services.vendor"), dataIndex: "vendorName" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.amountYuan"), dataIndex: "amountYuan", align: "right" },
          { title: t("services.signedOn"), dataIndex: "signedOn" },
          {
            title: t("services.milestones"),
            render: (_: unknown, record) =>
              `${record.milestones.filter((each) => each.doneOn).length}/${record.milestones.length}`,
          },
          {
            title: t("services.status"),
            render: (_: unknown, record) => (
              <>
                <CodeTag group="contractStatus" code={record.status} />
                <CodeTag group="improvement" code={record.improvement} />
              </>
            ),
          },
        ]}
      />
    </Space>
  );
}
