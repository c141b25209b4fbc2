import { useState } from "react";
import { Alert, Button, Card, DatePicker, Descriptions, Space, Table, Typography } from "antd";
import { ConfirmButton } from "../../components/ConfirmButton";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiDownload, apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { JobProgress } from "../../components/JobProgress";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useJob } from "../../components/useJob";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { PayrollCancelModal } from "./PayrollCancelModal";
import { PayrollLinesTable } from "./PayrollLinesTable";
import type { Payroll, PayrollTown } from "./types";
import { serverToday } from "../../api/today";

/** The payroll summary of a month: totals per 镇区 and per category, run, approve or cancel, export the bank file. */
export function PayrollPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const [month, setMonth] = useState(serverToday().subtract(1, "month").format("YYYY-MM"));
  const [cancelling, setCancelling] = useState(false);
  const { data: payroll, error: loadError, reload } = useApiQuery<Payroll>(`/assistance/payrolls/${month}`);
  const mayRun = can("assistance.payroll.run");
  // The run is a job: its progress bar follows it, and the payroll is read again once it ends.
  const run = useJob(reload);
  const { submit, error } = useSubmit(null, async ({ path, body }: { path: string; body: unknown }) => {
    await apiPost(path, body);
    reload();
  });
  const act = (path: string, body: unknown) => submit({ path, body });
  // The export is recorded (who, when, which format), so it is a POST whose answer is saved as a file.
  const exporting = useSubmit(null, async (format: "csv" | "xlsx") => {
    await apiDownload(`/assistance/payrolls/${month}/bank-file`, { format }, `dibao-${month}.${format}`);
    reload();
  });
  const c = payroll?.categories;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("assistance.payroll")}</Typography.Title>
      <Space wrap>
        <span data-testid="assistance-payroll-month">
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            allowClear={false}
            onChange={(value) => value && setMonth(value.format("YYYY-MM"))}
          />
        </span>
        {mayRun && !payroll ? (
          <Button
            type="primary"
            loading={run.running}
            onClick={() => void run.start("assistance.payroll", { month })}
            data-testid="assistance-payroll-run"
          >
            {t("assistance.run")}
          </Button>
        ) : null}
        {mayRun && payroll?.status === "computed" ? (
          <>
            <ConfirmButton
              type="primary"
              consequence={t("assistance.approvePayrollConsequence")}
              onConfirm={() => act(`/assistance/payrolls/${month}/approval`, { version: payroll.version })}
              testId="assistance-payroll-approve"
            >
              {t("assistance.approvePayroll")}
            </ConfirmButton>
            <Button danger onClick={() => setCancelling(true)} data-testid="assistance-payroll-cancel">
              {t("assistance.cancelPayroll")}
            </Button>
          </>
        ) : null}
        {mayRun && payroll?.status === "approved" ? (
          <>
            <Button
              loading={exporting.saving}
              onClick={() => exporting.submit("csv")}
              data-testid="assistance-payroll-export-csv"
            >
              {t("assistance.exportCsv")}
            </Button>
            <Button
              loading={exporting.saving}
              onClick={() => exporting.submit("xlsx")}
              data-testid="assistance-payroll-export-xlsx"
            >
              {t("assistance.exportXlsx")}
            </Button>
          </>
        ) : null}
      </Space>
      <JobProgress job={run.job} testId="assistance-payroll-job" />
      {error || run.error || exporting.error ? (
        <SubmitErrorAlert error={error ?? run.error ?? exporting.error} />
      ) : null}
      {cancelling && payroll ? (
        <PayrollCancelModal payroll={payroll} onClose={() => setCancelling(false)} onDone={reload} />
      ) : null}
      {!payroll && loadError ? (
        <Alert type="info" title={t("assistance.noPayroll")} data-testid="assistance-payroll-none" />
      ) : null}
      {payroll && c ? (
        <>
          <Card size="small">
            <Descriptions size="small" column={4} data-testid="assistance-payroll-summary">
              <Descriptions.Item label={t("assistance.status")}>
                {t(`assistance.payrollStatus.${payroll.status}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("assistance.households")}>{payroll.households}</Descriptions.Item>
              <Descriptions.Item label={t("assistance.persons")}>{payroll.persons}</Descriptions.Item>
              <Descriptions.Item label={t("assistance.total")}>
                <span className="mono" data-testid="assistance-payroll-total">
                  {payroll.totalYuan}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("assistance.dibao")}>{c.dibaoYuan}</Descriptions.Item>
              <Descriptions.Item label={t("assistance.supplement")}>{c.supplementYuan}</Descriptions.Item>
              <Descriptions.Item label={t("assistance.priceSubsidy")}>{c.priceSubsidyYuan}</Descriptions.Item>
              <Descriptions.Item label={t("assistance.adjustment")}>{c.adjustmentYuan}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Table<PayrollTown>
            size="small"
            rowKey="townCode"
            pagination={false}
            dataSource={payroll.towns}
            data-testid="assistance-payroll-towns"
            columns={[
              { title: t("assistance.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
              { title: t("assistance.households"), dataIndex: "households", align: "right" },
              { title: t("assistance.persons"), dataIndex: "persons", align: "right" },
              { title: t("assistance.dibao"), dataIndex: "dibaoYuan", align: "right" },
              { title: t("assistance.supplement"), dataIndex: "supplementYuan", align: "right" },
              { title: t("assistance.priceSubsidy"), dataIndex: "priceSubsidyYuan", align: "right" },
              { title: t("assistance.adjustment"), dataIndex: "adjustmentYuan", align: "right" },
              {
                title: t("assistance.total"),
                dataIndex: "totalYuan",
                align: "right",
                render: (value: string) => <span className="mono">{value}</span>,
              },
            ]}
          />
          <Card size="small" title={t("assistance.lines")}>
            <PayrollLinesTable key={`${month}-${payroll.version}`} month={month} />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
