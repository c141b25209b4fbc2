// The applicant's fund page: the open calls with their rules, the application form (type, 镇区, category,
// request and budget lines, payee), and the applicant's own applications with ranking, grant, payments and
// progress / final reports.
import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { FundTag } from "./labels";

type Calls = ApiResponse<"/fund/calls">;
type Call = Calls["items"][number];
type Mine = ApiResponse<"/fund/applications/mine">;
type Detail = Mine["items"][number];
type ApplicationBody = ApiBody<"/fund/calls/{id}/applications", "post">;

export function ApplicantPage() {
  const { t } = useTranslation();
  const calls = useApiQuery<Calls>("/fund/calls");
  const mine = useApiQuery<Mine>("/fund/applications/mine");
  const [selected, setSelected] = useState<string | null>(null);
  if (calls.error) return <ErrorResult error={calls.error} onRetry={calls.reload} />;
  const open = (calls.data?.items ?? []).filter((call) => call.status === "open");
  const applied = new Set((mine.data?.items ?? []).map((each) => each.application.callId));
  const call = open.find((each) => each.id === selected);
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("fund.applyTitle")}</Typography.Title>
      <Card size="small" title={t("fund.openCalls")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={open}
          data-testid="fund-open-calls"
          columns={[
            { title: t("fund.call"), dataIndex: "title" },
            { title: t("fund.budgetYuan"), dataIndex: "budgetYuan", align: "right" },
            { title: t("fund.closesOn"), dataIndex: "applicationsCloseOn" },
            {
              title: t("fund.eligibility"),
              render: (_: unknown, record: Call) =>
                record.eligibleTypes.map((type) => t(`fund.applicantType.${type}`)).join("、"),
            },
            {
              title: t("action.actions"),
              render: (_: unknown, record: Call) => (
                <Button
                  size="small"
                  disabled={applied.has(record.id)}
                  onClick={() => setSelected(record.id)}
                  data-testid="fund-apply-open"
                >
                  {t("fund.apply")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {call ? (
        <ApplyForm
          key={call.id}
          call={call}
          onDone={() => {
            setSelected(null);
            mine.reload();
          }}
        />
      ) : null}
      <Typography.Title level={4}>{t("fund.myApplications")}</Typography.Title>
      {(mine.data?.items ?? []).map((detail) => (
        <ApplicationCard key={detail.application.id} detail={detail} onChange={mine.reload} />
      ))}
      {mine.data && mine.data.items.length === 0 ? <Typography.Text>{t("fund.empty")}</Typography.Text> : null}
    </Space>
  );
}

function ApplyForm({ call, onDone }: { call: Call; onDone: () => void }) {
  const { t } = useTranslation();
  const towns = useTowns();
  const [form] = Form.useForm<ApplicationBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: ApplicationBody, key: string) => {
    await apiPost(`/fund/calls/${call.id}/applications`, values, key);
    onDone();
  });
  const townOptions = towns.items
    .filter((town) => call.eligibleTowns.length === 0 || call.eligibleTowns.includes(town.code))
    .map((town) => ({ value: town.code, label: town.name }));
  return (
    <Card size="small" title={`${t("fund.apply")}：${call.title}`}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t("fund.criteria")}>
          {call.criteria.map((each) => `${each.label} ${each.weight}`).join(" · ")}
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.categories")}>
          {call.categories
            .map((each) => `${each.label}${each.budgetYuan ? `（${each.budgetYuan}）` : ""}`)
            .join("、") || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.eligibleTowns")}>
          {call.eligibleTowns.length === 0 ? t("fund.allTowns") : call.eligibleTowns.join("、")}
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.startShare")}>{call.startSharePercent}%</Descriptions.Item>
      </Descriptions>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ applicantType: call.eligibleTypes[0], budgetLines: [{ item: "", amountYuan: undefined }] }}
      >
        <Space wrap>
          <Form.Item name="applicantName" label={t("fund.applicantName")} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} data-testid="fund-applicant" />
          </Form.Item>
          <Form.Item name="applicantType" label={t("fund.eligibility")}>
            <Select
              style={{ width: 160 }}
              options={["town", "department", "organisation"].map((type) => ({
                value: type,
                label: t(`fund.applicantType.${type}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="townCode" label={t("fund.town")}>
            <Select allowClear style={{ width: 160 }} options={townOptions} />
          </Form.Item>
          {call.categories.length > 0 ? (
            <Form.Item name="category" label={t("fund.category")} rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                data-testid="fund-category"
                options={call.categories.map((each) => ({ value: each.code, label: each.label }))}
              />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item name="title" label={t("fund.projectTitle")} rules={[{ required: true }]}>
          <Input data-testid="fund-title" />
        </Form.Item>
        <Form.Item name="summary" label={t("fund.summary")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="requestedYuan" label={t("fund.requestedYuan")} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="fund-requested" />
        </Form.Item>
        <Typography.Paragraph strong>{t("fund.budgetLines")}</Typography.Paragraph>
        <Form.List name="budgetLines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                  <Form.Item name={[field.name, "item"]} rules={[{ required: true }]}>
                    <Input
                      placeholder={t("fund.item")}
                      style={{ width: 240 }}
                      data-testid={`fund-line-item-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "amountYuan"]} rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      precision={2}
                      placeholder={t("fund.amountYuan")}
                      style={{ width: 160 }}
                      data-testid={`fund-line-amount-${index}`}
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button onClick={() => remove(field.name)} aria-label={t("action.remove")}>
                      −
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button onClick={() => add({ item: "" })} data-testid="fund-line-add">
                {t("fund.addLine")}
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap style={{ marginTop: 12 }}>
          <Form.Item name="payeeName" label={t("fund.payeeName")} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} data-testid="fund-payee" />
          </Form.Item>
          <Form.Item name="bankAccount" label={t("fund.bankAccount")} rules={[{ required: true }]}>
            <Input style={{ width: 240 }} data-testid="fund-bank" />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="fund-apply-submit">
            {t("fund.apply")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function ApplicationCard({ detail, onChange }: { detail: Detail; onChange: () => void }) {
  const { t } = useTranslation();
  const { application, call } = detail;
  type Values = { kind: "progress" | "final"; summary: string; spentYuan?: number };
  const [form] = Form.useForm<Values>();
  const { submit, alert, saving } = useSubmit(form, async (values: Values, key: string) => {
    await apiPost(`/fund/applications/${application.id}/reports`, values, key);
    form.resetFields();
    onChange();
  });
  return (
    <Card
      size="small"
      title={`${application.title}（${call.title}）`}
      extra={<FundTag group="callStatus" code={call.status} />}
      data-testid="fund-my-application"
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t("fund.requestedYuan")}>{application.requestedYuan}</Descriptions.Item>
        <Descriptions.Item label={t("fund.score")}>{application.score ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("fund.rank")}>{application.rank ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("fund.outcomeLabel")}>
          <FundTag group="outcome" code={application.outcome} />
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.grantedYuan")}>{application.grantedYuan}</Descriptions.Item>
        <Descriptions.Item label={t("fund.paidYuan")}>{application.paidYuan}</Descriptions.Item>
        <Descriptions.Item label={t("fund.budgetLines")} span={3}>
          {application.budgetLines.map((line) => `${line.item} ${line.amountYuan}`).join("；")}
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.payments")} span={3}>
          {detail.payments
            .map((payment) => `${t(`fund.stage.${payment.stage}`)} ${payment.amountYuan}（${payment.paidOn}）`)
            .join("；") || "—"}
        </Descriptions.Item>
      </Descriptions>
      {detail.reports.length > 0 ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.reports}
          columns={[
            { title: t("fund.kind"), dataIndex: "kind", render: (kind: string) => t(`fund.reportKind.${kind}`) },
            { title: t("fund.summary"), dataIndex: "summary" },
            { title: t("fund.spentYuan"), dataIndex: "spentYuan", align: "right" },
            {
              title: t("fund.status"),
              render: (_: unknown, record) => (
                <>
                  <FundTag group="reportStatus" code={record.status} /> {record.score ?? ""} {record.reviewNote}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {Number(application.grantedYuan) > 0 ? (
        <>
          <SubmitErrorAlert {...alert} />
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={(values) => void submit(values)}
            initialValues={{ kind: "progress" }}
          >
            <Form.Item name="kind">
              <Select
                style={{ width: 140 }}
                aria-label={t("fund.kind")}
                options={["progress", "final"].map((kind) => ({ value: kind, label: t(`fund.reportKind.${kind}`) }))}
              />
            </Form.Item>
            <Form.Item name="summary" rules={[{ required: true }]}>
              <Input placeholder={t("fund.summary")} style={{ width: 320 }} aria-label={t("fund.summary")} />
            </Form.Item>
            <Form.Item name="spentYuan">
              <InputNumber min={0} precision={2} placeholder={t("fund.spentYuan")} aria-label={t("fund.spentYuan")} />
            </Form.Item>
            <Button htmlType="submit" loading={saving}>
              {t("fund.submitReport")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
