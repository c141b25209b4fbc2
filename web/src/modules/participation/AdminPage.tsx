// Programme admins: the campaigns and the form that creates one; the import of hours served elsewhere in Guangdong
// (the provincial platform's XLSX) with its row-by-row report.
import { useState } from "react";
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useDepartments } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { base64Of } from "../../components/fileBase64";

type Campaigns = ApiResponse<"/participation/campaigns">;
type Campaign = Campaigns["items"][number];
type CampaignBody = ApiBody<"/participation/campaigns", "post">;
type CampaignForm = Omit<CampaignBody, "startsOn" | "endsOn"> & { startsOn: Dayjs; endsOn?: Dayjs | null };
type ImportReport = ApiResponse<"/participation/ledger/imports", "post">;

/** Campaigns and the import, for programme admins. */
export function AdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { data, error, loading, reload } = useApiQuery<Campaigns>("/participation/campaigns");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("participation.adminTitle")}</Typography.Title>
      <Table<Campaign>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="campaigns"
        columns={[
          { title: t("participation.code"), dataIndex: "code" },
          { title: t("participation.campaign"), dataIndex: "name" },
          { title: t("participation.department"), dataIndex: "departmentName" },
          {
            title: t("participation.period"),
            render: (_: unknown, item) => `${item.startsOn} – ${item.endsOn ?? t("participation.ongoing")}`,
          },
          {
            title: t("participation.publicPage"),
            render: (_: unknown, item) => <Link to={`/campaigns/${encodeURIComponent(item.code)}`}>{item.name}</Link>,
          },
        ]}
      />
      {can("participation.campaigns.manage") ? <NewCampaignForm onDone={reload} /> : null}
      {can("participation.ledger.import") ? <ImportCard /> : null}
    </Space>
  );
}

function NewCampaignForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CampaignForm>();
  const departments = useDepartments();
  const { submit, alert, saving } = useSubmit(form, async (values: CampaignForm, key: string) => {
    const body: CampaignBody = {
      ...values,
      startsOn: values.startsOn.format("YYYY-MM-DD"),
      endsOn: values.endsOn ? values.endsOn.format("YYYY-MM-DD") : null,
    };
    await apiPost("/participation/campaigns", body, key);
    form.resetFields();
    onDone();
  });
  return (
    <Card size="small" title={t("participation.newCampaign")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Space wrap>
          <Form.Item name="code" label={t("participation.code")} rules={[{ required: true, min: 2, max: 40 }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label={t("participation.campaign")} rules={[{ required: true, max: 60 }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="departmentCode" label={t("participation.department")} rules={[{ required: true }]}>
            <Select
              style={{ width: 240 }}
              options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="startsOn" label={t("participation.startsOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t("participation.endsOn")}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="goal" label={t("participation.goal")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("participation.newCampaign")}
        </Button>
      </Form>
    </Card>
  );
}

function ImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { submit, alert, saving } = useSubmit(
    null,
    async (chosen: File, key: string) => {
      const body = { fileName: chosen.name, xlsxBase64: await base64Of(chosen) };
      setReport(await apiPost<ImportReport>("/participation/ledger/imports", body, key));
    },
    { onFailure: () => setReport(null) },
  );
  return (
    <Card size="small" title={t("participation.importTitle")}>
      <Typography.Paragraph type="secondary">{t("participation.importHint")}</Typography.Paragraph>
      <SubmitErrorAlert {...alert} />
      <Space>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button>{t("participation.chooseFile")}</Button>
        </Upload>
        <Button type="primary" disabled={!file} loading={saving} onClick={() => file && void submit(file)}>
          {t("participation.import")}
        </Button>
      </Space>
      {report ? (
        <div data-testid="import-report" style={{ marginTop: 12 }}>
          <Alert
            type={report.rowsRefused > 0 ? "warning" : "success"}
            title={t("participation.importReport", {
              total: report.rowsTotal,
              accepted: report.rowsAccepted,
              hours: report.acceptedHours,
              refused: report.rowsRefused,
            })}
          />
          {report.problems.length > 0 ? (
            <Table
              size="small"
              rowKey={(problem) => `${problem.row}-${problem.field}`}
              pagination={false}
              dataSource={report.problems}
              columns={[
                { title: t("participation.row"), dataIndex: "row" },
                { title: t("participation.column"), dataIndex: "field" },
                { title: t("participation.problem"), dataIndex: "message" },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
