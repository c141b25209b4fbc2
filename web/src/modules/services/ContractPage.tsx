// One service contract: indicators and milestones; the vendor's progress reports (the vendor submits with
// evidence, the officer accepts or returns); recommendations the vendor makes and the department decides;
// evaluations (mid-term, final) with the satisfaction survey's results and chart; the "agreement needs
// improvement" flag and what the department changes.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { UploadOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { QrCode } from "../../components/QrCode";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { uploadEvidence } from "../points/evidence";
import { ConfirmButton } from "../../components/ConfirmButton";
import { CodeTag, useCodeLabel, useYuan } from "./labels";
import { SurveyChart } from "./SurveyChart";

type Detail = ApiResponse<"/services/contracts/{id}">;
type Contract = Detail["contract"];

export function ContractPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const { data, error, reload } = useApiQuery<Detail>(`/services/contracts/${id}`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const { contract } = data;
  const manage = can("services.contracts.manage");
  const vendor = can("services.contracts.report");
  const active = contract.status === "active";
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {contract.needTitle} <CodeTag group="contractStatus" code={contract.status} />
        <CodeTag group="improvement" code={contract.improvement} />
      </Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("services.vendor")}>{contract.vendorName}</Descriptions.Item>
        <Descriptions.Item label={t("services.amountYuan")}>{contract.amountYuan}</Descriptions.Item>
        <Descriptions.Item label={t("services.town")}>{townLabel(contract.townCode)}</Descriptions.Item>
        <Descriptions.Item label={t("services.signedOn")}>{contract.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t("services.period")}>
          {contract.periodStart} – {contract.periodEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.threshold")}>{contract.satisfactionThreshold}%</Descriptions.Item>
        <Descriptions.Item label={t("services.indicators")} span={2}>
          {contract.indicators.map((each) => `${each.name}（${each.target}）`).join("；") || "—"}
        </Descriptions.Item>
      </Descriptions>
      <Improvement contract={contract} manage={manage} onDone={reload} />
      <Card size="small" title={t("services.milestones")}>
        <Table
          size="small"
          rowKey="seq"
          pagination={false}
          dataSource={contract.milestones}
          data-testid="contract-milestones"
          columns={[
            { title: "#", dataIndex: "seq" },
            { title: t("services.milestone"), dataIndex: "title" },
            { title: t("services.dueOn"), dataIndex: "dueOn" },
            {
              title: t("services.doneOn"),
              dataIndex: "doneOn",
              render: (value: string | null) => (value ? <Tag color="green">{value}</Tag> : "—"),
            },
          ]}
        />
      </Card>
      <Reports detail={data} manage={manage && active} vendor={vendor && active} onChange={reload} />
      <Payments detail={data} pay={can("services.contracts.pay")} onChange={reload} />
      <Recommendations detail={data} vendor={vendor && active} onChange={reload} />
      <Survey detail={data} manage={manage} onChange={reload} />
      <Evaluations detail={data} manage={manage && active} onChange={reload} />
    </Space>
  );
}

function Improvement({ contract, manage, onDone }: { contract: Contract; manage: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ action: string }>();
  const { submit, alert, saving } = useSubmit(form, async (values: { action: string }, key: string) => {
    await apiPost(`/services/contracts/${contract.id}/improvement`, values, key);
    onDone();
  });
  if (!contract.improvement) return null;
  const flag = t("services.improvementFlag", {
    satisfaction: contract.improvementSatisfaction,
    threshold: contract.satisfactionThreshold,
  });
  return (
    <Card size="small" title={t("services.improvementTitle")} data-testid="contract-improvement">
      <Alert type={contract.improvement === "flagged" ? "error" : "warning"} showIcon title={flag} />
      {contract.improvementAction ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          <strong>{t("services.improvementAction")}：</strong>
          {contract.improvementAction}
        </Typography.Paragraph>
      ) : null}
      {manage && contract.improvement === "flagged" ? (
        <>
          <SubmitErrorAlert {...alert} />
          <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ marginTop: 8 }}>
            <Form.Item name="action" label={t("services.improvementAction")} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="improvement-action" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="improvement-save">
              {t("services.recordImprovement")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

function Reports({
  detail,
  manage,
  vendor,
  onChange,
}: {
  detail: Detail;
  manage: boolean;
  vendor: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const id = detail.contract.id;
  const [form] = Form.useForm<{ milestoneSeq?: number; summary: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const report = useSubmit(form, async (values: { milestoneSeq?: number; summary: string }, key: string) => {
    const fileIds: string[] = [];
    for (const file of files) if (file.originFileObj) fileIds.push(await uploadEvidence(file.originFileObj));
    await apiPost(
      `/services/contracts/${id}/reports`,
      { ...values, milestoneSeq: values.milestoneSeq ?? null, fileIds },
      key,
    );
    form.resetFields();
    setFiles([]);
    onChange();
  });
  const review = useSubmit(null, async (values: { reportId: string; accepted: boolean }, key: string) => {
    await apiPost(`/services/contracts/${id}/report-reviews`, values, key);
    onChange();
  });
  return (
    <Card size="small" title={t("services.reportsTitle")}>
      <SubmitErrorAlert {...review.alert} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.reports}
        data-testid="contract-reports"
        columns={[
          { title: t("services.submittedOn"), dataIndex: "submittedAt", render: (at: string) => at.slice(0, 10) },
          {
            title: t("services.milestone"),
            dataIndex: "milestoneSeq",
            render: (seq: number | null) =>
              seq === null ? "—" : (detail.contract.milestones.find((each) => each.seq === seq)?.title ?? seq),
          },
          { title: t("services.summary"), dataIndex: "summary" },
          { title: t("services.evidence"), dataIndex: "fileIds", render: (ids: string[]) => ids.length || "—" },
          {
            title: t("services.status"),
            render: (_: unknown, record) => (
              <>
                <CodeTag group="reportStatus" code={record.status} /> {record.reviewNote}
              </>
            ),
          },
          ...(manage
            ? [
                {
                  title: t("action.actions"),
                  render: (_: unknown, record: Detail["reports"][number]) =>
                    record.status === "submitted" ? (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          data-testid="report-accept"
                          onClick={() => void review.submit({ reportId: record.id, accepted: true })}
                        >
                          {t("services.accept")}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => void review.submit({ reportId: record.id, accepted: false })}
                        >
                          {t("services.return")}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {vendor ? (
        <>
          <SubmitErrorAlert {...report.alert} />
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => void report.submit(values)}
            style={{ marginTop: 12 }}
          >
            <Form.Item name="milestoneSeq" label={t("services.milestone")}>
              <Select
                allowClear
                style={{ width: 320 }}
                data-testid="report-milestone"
                options={detail.contract.milestones.map((each) => ({
                  value: each.seq,
                  label: `${each.seq}. ${each.title}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="summary" label={t("services.summary")} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="report-summary" />
            </Form.Item>
            <Form.Item label={t("services.evidence")}>
              <Upload
                beforeUpload={() => false}
                fileList={files}
                onChange={({ fileList }) => setFiles(fileList)}
                accept=".pdf,.jpg,.jpeg,.png"
                multiple
              >
                <Button icon={<UploadOutlined />}>{t("services.upload")}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={report.saving} data-testid="report-submit">
              {t("services.submitReport")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

type ScheduleStage = Detail["payments"]["schedule"][number];

/**
 * The payment schedule: each milestone (payable once its progress report is accepted), then the final payment
 * (after the final evaluation, settling the rest). The department pays with a confirmation naming the amount.
 */
function Payments({ detail, pay, onChange }: { detail: Detail; pay: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const yuan = useYuan();
  const { contract, payments } = detail;
  const submit = useSubmit(null, async (stage: ScheduleStage, key: string) => {
    await apiPost(
      `/services/contracts/${contract.id}/payments`,
      { stage: stage.stage, milestoneSeq: stage.milestoneSeq },
      key,
    );
    onChange();
  });
  const stageName = (stage: ScheduleStage) =>
    stage.stage === "final" ? t("services.finalPayment") : `${stage.milestoneSeq}. ${stage.title}`;
  // What the server pays by default: a milestone's planned share; the final payment settles what remains.
  const amountOf = (stage: ScheduleStage) => (stage.stage === "final" ? payments.remainingYuan : stage.plannedYuan);
  return (
    <Card size="small" title={t("services.paymentsTitle")} data-testid="contract-payments">
      <Typography.Paragraph>
        <strong data-testid="contract-payment-totals">
          {t("services.paymentTotals", {
            amount: yuan(payments.amountYuan),
            paid: yuan(payments.paidYuan),
            remaining: yuan(payments.remainingYuan),
          })}
        </strong>
        <br />
        <Typography.Text type="secondary">{t("services.paymentRule")}</Typography.Text>
      </Typography.Paragraph>
      <SubmitErrorAlert {...submit.alert} />
      <Table<ScheduleStage>
        size="small"
        rowKey={(stage) => `${stage.stage}-${stage.milestoneSeq ?? "final"}`}
        pagination={false}
        dataSource={payments.schedule}
        columns={[
          { title: t("services.paymentStage"), render: (_: unknown, stage) => stageName(stage) },
          {
            title: t("services.plannedYuan"),
            align: "right",
            render: (_: unknown, stage) => yuan(stage.plannedYuan),
          },
          {
            title: t("services.paymentStatusLabel"),
            render: (_: unknown, stage) => <CodeTag group="paymentStatus" code={stage.status} />,
          },
          {
            title: t("services.paidYuan"),
            align: "right",
            render: (_: unknown, stage) => (stage.payment ? yuan(stage.payment.amountYuan) : "—"),
          },
          { title: t("services.paidOn"), render: (_: unknown, stage) => stage.payment?.paidOn ?? "—" },
          ...(pay
            ? [
                {
                  title: t("action.actions"),
                  render: (_: unknown, stage: ScheduleStage) =>
                    stage.status === "payable" ? (
                      <ConfirmButton
                        size="small"
                        type="primary"
                        loading={submit.saving}
                        consequence={t("services.payConsequence", {
                          vendor: contract.vendorName,
                          amount: yuan(amountOf(stage)),
                          stage: stageName(stage),
                        })}
                        onConfirm={() => submit.submit(stage)}
                        testId={`contract-pay-${stage.milestoneSeq ?? "final"}`}
                      >
                        {t("services.pay")}
                      </ConfirmButton>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Recommendations({ detail, vendor, onChange }: { detail: Detail; vendor: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const towns = useTowns();
  type Values = { kind: "assistance" | "other"; subjectName: string; townCode: string; reason: string };
  const [form] = Form.useForm<Values>();
  const { submit, alert, saving } = useSubmit(form, async (values: Values, key: string) => {
    await apiPost(`/services/contracts/${detail.contract.id}/recommendations`, values, key);
    form.resetFields();
    onChange();
  });
  return (
    <Card size="small" title={t("services.recommendationsTitle")}>
      <Alert type="info" showIcon title={t("services.vendorNeverDecides")} style={{ marginBottom: 8 }} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.recommendations}
        data-testid="contract-recommendations"
        columns={[
          { title: t("services.kind"), dataIndex: "kind", render: (kind: string) => label("recommendationKind", kind) },
          { title: t("services.subject"), dataIndex: "subjectName" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.reasonLabel"), dataIndex: "reason" },
          {
            title: t("services.status"),
            render: (_: unknown, record) => (
              <>
                <CodeTag group="recommendationStatus" code={record.status} /> {record.decisionNote}{" "}
                {record.referralNote}
              </>
            ),
          },
        ]}
      />
      {vendor ? (
        <>
          <SubmitErrorAlert {...alert} />
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => void submit(values)}
            initialValues={{ kind: "assistance", townCode: detail.contract.townCode }}
            style={{ marginTop: 12 }}
          >
            <Space wrap>
              <Form.Item name="kind" label={t("services.kind")}>
                <Select
                  style={{ width: 260 }}
                  options={["assistance", "other"].map((code) => ({
                    value: code,
                    label: label("recommendationKind", code),
                  }))}
                />
              </Form.Item>
              <Form.Item name="subjectName" label={t("services.subject")} rules={[{ required: true }]}>
                <Input style={{ width: 200 }} data-testid="recommendation-subject" />
              </Form.Item>
              <Form.Item name="townCode" label={t("services.town")} rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
                />
              </Form.Item>
            </Space>
            <Form.Item name="reason" label={t("services.reasonLabel")} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="recommendation-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="recommendation-submit">
              {t("services.recommend")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

function Survey({ detail, manage, onChange }: { detail: Detail; manage: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ closesOn: Dayjs }>();
  const { submit, alert, saving } = useSubmit(form, async (values: { closesOn: Dayjs }, key: string) => {
    await apiPost(
      `/services/contracts/${detail.contract.id}/survey`,
      { closesOn: values.closesOn.format("YYYY-MM-DD") },
      key,
    );
    onChange();
  });
  const survey = detail.survey;
  const link = survey ? `${window.location.origin}/services/surveys/${survey.surveyId}` : "";
  return (
    <Card size="small" title={t("services.surveyTitle")}>
      {survey ? (
        <>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t("services.satisfaction")}>
              <strong data-testid="survey-satisfaction">
                {survey.satisfaction === null ? "—" : `${survey.satisfaction}%`}
              </strong>
            </Descriptions.Item>
            <Descriptions.Item label={t("services.answers")}>
              {t("services.respondents", { count: survey.respondents })}
            </Descriptions.Item>
            <Descriptions.Item label={t("services.closesOn")}>{survey.closesOn}</Descriptions.Item>
            <Descriptions.Item label={t("services.surveyLink")} span={3}>
              <Typography.Link href={link} target="_blank" copyable={{ text: link }} data-testid="survey-link">
                {link}
              </Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("services.surveyQr")} span={3}>
              <QrCode
                text={link}
                label={t("services.surveyQrAlt")}
                fileName={`survey-${survey.surveyId}.png`}
                size={180}
                testId="survey-qr"
              />
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={survey.questions}
            columns={[
              { title: t("services.question"), dataIndex: "text" },
              ...[1, 2, 3, 4, 5].map((value) => ({
                title: t(`services.answer.${value}`),
                render: (_: unknown, question: NonNullable<Detail["survey"]>["questions"][number]) =>
                  question.counts[value - 1],
              })),
              {
                title: t("services.satisfaction"),
                dataIndex: "satisfaction",
                render: (value: string | null) => (value === null ? "—" : `${value}%`),
              },
            ]}
          />
          {survey.respondents > 0 ? <SurveyChart questions={survey.questions} /> : null}
        </>
      ) : manage ? (
        <>
          <SubmitErrorAlert {...alert} />
          <Form form={form} layout="inline" onFinish={(values) => void submit(values)}>
            <Form.Item name="closesOn" label={t("services.closesOn")} rules={[{ required: true }]}>
              <DatePicker data-testid="survey-closes" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="survey-open">
              {t("services.openSurvey")}
            </Button>
          </Form>
        </>
      ) : (
        t("services.empty")
      )}
    </Card>
  );
}

interface EvaluationValues {
  stage: "mid" | "final";
  evaluator: "department" | "third_party";
  evaluatorName: string;
  results: { name: string; actual: string; met: boolean; score: number }[];
  note?: string;
}

function Evaluations({ detail, manage, onChange }: { detail: Detail; manage: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [form] = Form.useForm<EvaluationValues>();
  const done = new Set(detail.evaluations.map((each) => each.stage));
  const { submit, alert, saving } = useSubmit(form, async (values: EvaluationValues, key: string) => {
    await apiPost(`/services/contracts/${detail.contract.id}/evaluations`, values, key);
    onChange();
  });
  return (
    <Card size="small" title={t("services.evaluationsTitle")}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.evaluations}
        data-testid="contract-evaluations"
        columns={[
          { title: t("services.stageLabel"), dataIndex: "stage", render: (stage: string) => label("stage", stage) },
          {
            title: t("services.evaluatorName"),
            render: (_: unknown, record) => `${record.evaluatorName}（${label("evaluator", record.evaluator)}）`,
          },
          {
            title: t("services.indicators"),
            render: (_: unknown, record) =>
              record.results
                .map(
                  (each) =>
                    `${each.name}：${each.actual}，${each.met ? t("services.met") : t("services.notMet")}，${each.score}`,
                )
                .join("；"),
          },
          { title: t("services.score"), dataIndex: "score", render: (score: string) => <strong>{score}</strong> },
          {
            title: t("services.satisfaction"),
            render: (_: unknown, record) =>
              record.satisfaction === null ? "—" : `${record.satisfaction}%（${record.answers}）`,
          },
        ]}
      />
      {manage && !done.has("final") ? (
        <>
          <SubmitErrorAlert {...alert} />
          <Form
            form={form}
            layout="vertical"
            style={{ marginTop: 12 }}
            onFinish={(values) => void submit(values)}
            initialValues={{
              stage: done.has("mid") ? "final" : "mid",
              evaluator: "department",
              results: detail.contract.indicators.map((each) => ({
                name: each.name,
                actual: "",
                met: true,
                score: 80,
              })),
            }}
          >
            <Space wrap>
              <Form.Item name="stage" label={t("services.stageLabel")}>
                <Radio.Group
                  options={(["mid", "final"] as const)
                    .filter((stage) => !done.has(stage))
                    .map((stage) => ({ value: stage, label: label("stage", stage) }))}
                />
              </Form.Item>
              <Form.Item name="evaluator" label={t("services.evaluatorKind")}>
                <Radio.Group
                  options={(["department", "third_party"] as const).map((code) => ({
                    value: code,
                    label: label("evaluator", code),
                  }))}
                />
              </Form.Item>
              <Form.Item name="evaluatorName" label={t("services.evaluatorName")} rules={[{ required: true }]}>
                <Input style={{ width: 220 }} data-testid="evaluation-evaluator" />
              </Form.Item>
            </Space>
            <Form.List name="results">
              {(fields) =>
                fields.map((field, index) => (
                  <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                    <Form.Item name={[field.name, "name"]}>
                      <Input disabled style={{ width: 200 }} aria-label={t("services.indicator")} />
                    </Form.Item>
                    <Form.Item name={[field.name, "actual"]} rules={[{ required: true }]}>
                      <Input
                        placeholder={t("services.actual")}
                        style={{ width: 140 }}
                        data-testid={`evaluation-actual-${index}`}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "met"]} valuePropName="checked">
                      <Switch checkedChildren={t("services.met")} unCheckedChildren={t("services.notMet")} />
                    </Form.Item>
                    <Form.Item name={[field.name, "score"]} rules={[{ required: true }]}>
                      <InputNumber min={0} max={100} precision={2} aria-label={t("services.score")} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
            <Form.Item name="note" label={t("services.note")}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="evaluation-save">
              {t("services.recordEvaluation")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
