// One innovation-fund call for the programme admin (auditors read): applications with budget lines, reviewer
// assignments (conflicted reviewers refused by the server) and scoring progress; rank, fund and publish; staged
// payments (start share, then the rest after the accepted final report) and the payment file.
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { apiDownload, apiPatch, apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { DeadlineFields } from "./DeadlineFields";
import { FundTag } from "./labels";
import { serverToday } from "../../api/today";

type Results = ApiResponse<"/fund/calls/{id}/results">;
type Applications = ApiResponse<"/fund/calls/{id}/applications">;
type Application = Applications["items"][number];
type Assignments = ApiResponse<"/fund/calls/{id}/assignments">;
type Reviewers = ApiResponse<"/fund/reviewers">;
type Detail = ApiResponse<"/fund/applications/{id}">;

export function CallPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const manage = can("fund.manage");
  const results = useApiQuery<Results>(`/fund/calls/${id}/results`);
  const applications = useApiQuery<Applications>(`/fund/calls/${id}/applications`);
  const assignments = useApiQuery<Assignments>(`/fund/calls/${id}/assignments`);
  const reviewers = useApiQuery<Reviewers>(manage ? "/fund/reviewers" : null);
  const [paidOn, setPaidOn] = useState<Dayjs>(serverToday());
  const reload = () => {
    results.reload();
    applications.reload();
    assignments.reload();
  };
  const allocate = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/fund/calls/${id}/allocate`, {}, key);
    reload();
  });
  // The export is recorded in the audit log (who, when, which format), so it is a POST whose answer is saved.
  const exporting = useSubmit(null, async (format: "csv" | "xlsx") => {
    await apiDownload(`/fund/calls/${id}/payment-file`, { format }, `fund-payments.${format}`);
  });
  if (results.error) return <ErrorResult error={results.error} onRetry={results.reload} />;
  if (!results.data) return <Skeleton active />;
  const call = results.data.call;
  const allocated = call.status === "allocated";
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {call.title} <FundTag group="callStatus" code={call.status} />
      </Typography.Title>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t("fund.budgetYuan")}>{call.budgetYuan}</Descriptions.Item>
        <Descriptions.Item label={t("fund.closesOn")}>{call.applicationsCloseOn}</Descriptions.Item>
        <Descriptions.Item label={t("fund.partialFunding")}>{call.partialFunding ? "✓" : "—"}</Descriptions.Item>
        <Descriptions.Item label={t("fund.criteria")} span={2}>
          {call.criteria.map((each) => `${each.label} ${each.weight}`).join(" · ")}
        </Descriptions.Item>
        <Descriptions.Item label={t("fund.startShare")} span={manage ? 3 : 1}>
          {call.startSharePercent}%
        </Descriptions.Item>
        {/* The programme admin sees the two deadlines once, in the form that changes them (below). */}
        {manage ? null : (
          <Descriptions.Item label={t("fund.reviewDays")}>
            {t("fund.workingDays", { days: call.reviewWorkingDays })}
          </Descriptions.Item>
        )}
        {manage ? null : (
          <Descriptions.Item label={t("fund.reportReviewDays")} span={2}>
            {t("fund.workingDays", { days: call.reportReviewWorkingDays })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("fund.categories")} span={3}>
          {call.categories
            .map((each) => `${each.label}${each.budgetYuan ? `（${each.budgetYuan}）` : ""}`)
            .join("、") || "—"}
        </Descriptions.Item>
      </Descriptions>
      {manage ? (
        <DeadlinesForm
          callId={id}
          reviewWorkingDays={call.reviewWorkingDays}
          reportReviewWorkingDays={call.reportReviewWorkingDays}
          onSaved={reload}
        />
      ) : null}
      {allocated ? <Alert type="success" showIcon title={t("fund.allocated")} /> : null}
      {manage && !allocated ? (
        <Space>
          <Button
            type="primary"
            loading={allocate.saving}
            onClick={() => void allocate.submit(null)}
            data-testid="fund-allocate"
          >
            {t("fund.allocate")}
          </Button>
          <SubmitErrorAlert {...allocate.alert} />
        </Space>
      ) : null}
      {manage && allocated ? (
        <Space wrap>
          <span>{t("fund.payments")}：</span>
          <DatePicker
            value={paidOn}
            onChange={(value) => value && setPaidOn(value)}
            allowClear={false}
            aria-label={t("fund.payments")}
          />
          <Button
            loading={exporting.saving}
            onClick={() => void exporting.submit("csv")}
            data-testid="fund-payment-file"
          >
            {t("fund.paymentFile")} CSV
          </Button>
          <Button
            loading={exporting.saving}
            onClick={() => void exporting.submit("xlsx")}
            data-testid="fund-payment-file-xlsx"
          >
            {t("fund.paymentFile")} XLSX
          </Button>
          <SubmitErrorAlert {...exporting.alert} />
          <Typography.Text type="secondary">{t("fund.finalNote")}</Typography.Text>
        </Space>
      ) : null}
      <Table<Application>
        size="small"
        rowKey="id"
        loading={applications.loading}
        dataSource={applications.data?.items ?? []}
        data-testid="fund-applications"
        expandable={{
          expandedRowRender: (application) => (
            <ApplicationDetail
              application={application}
              manage={manage}
              allocated={allocated}
              paidOn={paidOn}
              assignments={assignments.data}
              reviewers={reviewers.data?.items ?? []}
              onChange={reload}
            />
          ),
        }}
        columns={[
          { title: t("fund.rank"), dataIndex: "rank", render: (rank: number | null) => rank ?? "—" },
          { title: t("fund.applicantName"), dataIndex: "applicantName" },
          { title: t("fund.projectTitle"), dataIndex: "title" },
          {
            title: t("fund.category"),
            dataIndex: "category",
            render: (code: string | null) => call.categories.find((each) => each.code === code)?.label ?? "—",
          },
          { title: t("fund.requestedYuan"), dataIndex: "requestedYuan", align: "right" },
          {
            title: t("fund.reviewers"),
            render: (_: unknown, application) => {
              const mine = (assignments.data?.items ?? []).filter((each) => each.applicationId === application.id);
              return `${mine.filter((each) => each.scored).length}/${mine.length}`;
            },
          },
          {
            title: t("fund.score"),
            dataIndex: "score",
            render: (score: string | null) => <strong>{score ?? "—"}</strong>,
          },
          {
            title: t("fund.outcomeLabel"),
            dataIndex: "outcome",
            render: (code: string | null) => <FundTag group="outcome" code={code} />,
          },
          { title: t("fund.grantedYuan"), dataIndex: "grantedYuan", align: "right" },
          { title: t("fund.paidYuan"), dataIndex: "paidYuan", align: "right" },
        ]}
      />
    </Space>
  );
}

function ApplicationDetail({
  application,
  manage,
  allocated,
  paidOn,
  assignments,
  reviewers,
  onChange,
}: {
  application: Application;
  manage: boolean;
  allocated: boolean;
  paidOn: Dayjs;
  assignments: Assignments | undefined;
  reviewers: Reviewers["items"];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const detail = useApiQuery<Detail>(`/fund/applications/${application.id}`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const assigned = (assignments?.items ?? []).filter((each) => each.applicationId === application.id);
  const conflicted = new Set(
    (assignments?.conflicts ?? [])
      .filter((each) => each.applicationId === application.id)
      .map((each) => each.reviewerId),
  );
  const refresh = () => {
    detail.reload();
    onChange();
  };
  const assign = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/fund/applications/${application.id}/reviewers`, { reviewerIds: chosen }, key);
    setChosen([]);
    refresh();
  });
  const pay = useSubmit(null, async (stage: "start" | "final", key: string) => {
    await apiPost(`/fund/applications/${application.id}/payments`, { stage, paidOn: paidOn.format("YYYY-MM-DD") }, key);
    refresh();
  });
  const review = useSubmit(
    null,
    async (values: { reportId: string; accepted: boolean; score?: number }, key: string) => {
      await apiPost(`/fund/applications/${application.id}/report-reviews`, values, key);
      refresh();
    },
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text>
        {t("fund.budgetLines")}：{application.budgetLines.map((line) => `${line.item} ${line.amountYuan}`).join("；")}
      </Typography.Text>
      <Space wrap>
        <span>{t("fund.reviewers")}：</span>
        {assigned.map((each) => (
          <Tag key={each.reviewerId} color={each.scored ? "green" : "blue"}>
            {each.reviewerName} · {each.scored ? t("fund.scored") : t("fund.assigned")}
          </Tag>
        ))}
        {[...conflicted].map((reviewerId) => (
          <Tag key={reviewerId} color="orange">
            {reviewers.find((each) => each.id === reviewerId)?.displayName ?? reviewerId} · {t("fund.conflictDeclared")}
          </Tag>
        ))}
      </Space>
      {manage && !allocated ? (
        <Space wrap>
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            value={chosen}
            onChange={setChosen}
            placeholder={t("fund.reviewers")}
            aria-label={t("fund.reviewers")}
            data-testid="fund-assign-select"
            options={reviewers
              .filter((each) => !assigned.some((row) => row.reviewerId === each.id))
              .map((each) => ({
                value: each.id,
                // In conflict with the applicant (declared on any of its applications): the server refuses it too.
                disabled: conflicted.has(each.id),
                label: `${each.displayName}（${each.username}）${conflicted.has(each.id) ? ` · ${t("fund.conflictWithApplicant")}` : ""}`,
              }))}
          />
          <Button
            onClick={() => void assign.submit(null)}
            loading={assign.saving}
            disabled={chosen.length === 0}
            data-testid="fund-assign"
          >
            {t("fund.assign")}
          </Button>
          <SubmitErrorAlert {...assign.alert} />
        </Space>
      ) : null}
      {detail.data ? (
        <>
          <Typography.Text>
            {t("fund.payments")}：
            {detail.data.payments
              .map((payment) => `${t(`fund.stage.${payment.stage}`)} ${payment.amountYuan}（${payment.paidOn}）`)
              .join("；") || "—"}
          </Typography.Text>
          {manage && allocated && Number(application.grantedYuan) > Number(application.paidYuan) ? (
            <Space>
              {detail.data.payments.some((payment) => payment.stage === "start") ? null : (
                <Button size="small" onClick={() => void pay.submit("start")} data-testid="fund-pay-start">
                  {t("fund.payStart")}
                </Button>
              )}
              <Button size="small" onClick={() => void pay.submit("final")} data-testid="fund-pay-final">
                {t("fund.payFinal")}
              </Button>
              <SubmitErrorAlert {...pay.alert} />
            </Space>
          ) : null}
          <SubmitErrorAlert {...review.alert} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.data.reports}
            columns={[
              { title: t("fund.kind"), dataIndex: "kind", render: (kind: string) => t(`fund.reportKind.${kind}`) },
              { title: t("fund.summary"), dataIndex: "summary" },
              { title: t("fund.spentYuan"), dataIndex: "spentYuan", align: "right" },
              {
                title: t("fund.status"),
                render: (_: unknown, record) => (
                  <>
                    <FundTag group="reportStatus" code={record.status} /> {record.score ?? ""}
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
                            {record.kind === "final" ? (
                              <InputNumber
                                size="small"
                                min={0}
                                max={100}
                                precision={2}
                                placeholder={t("fund.finalScore")}
                                aria-label={t("fund.finalScore")}
                                value={scores[record.id] ?? null}
                                onChange={(value) => setScores((current) => ({ ...current, [record.id]: value }))}
                                data-testid="fund-final-score"
                              />
                            ) : null}
                            <Button
                              size="small"
                              type="primary"
                              data-testid="fund-report-accept"
                              onClick={() =>
                                void review.submit({
                                  reportId: record.id,
                                  accepted: true,
                                  score: scores[record.id] ?? undefined,
                                })
                              }
                            >
                              {t("fund.accept")}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => void review.submit({ reportId: record.id, accepted: false })}
                            >
                              {t("fund.return")}
                            </Button>
                          </Space>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}

/** The programme admin changes the call's two deadlines (working days); the inbox's due dates follow at once. */
function DeadlinesForm(props: {
  callId: string;
  reviewWorkingDays: number;
  reportReviewWorkingDays: number;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reviewWorkingDays: number; reportReviewWorkingDays: number }>();
  const [saved, setSaved] = useState(false);
  const { submit, alert, saving } = useSubmit(
    form,
    async (values: { reviewWorkingDays: number; reportReviewWorkingDays: number }) => {
      setSaved(false);
      await apiPatch(`/fund/calls/${props.callId}/deadlines`, values);
      setSaved(true);
      props.onSaved();
    },
  );
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(values) => void submit(values)}
      initialValues={{
        reviewWorkingDays: props.reviewWorkingDays,
        reportReviewWorkingDays: props.reportReviewWorkingDays,
      }}
      data-testid="fund-deadlines"
    >
      <SubmitErrorAlert {...alert} />
      <DeadlineFields />
      <Form.Item>
        <Button htmlType="submit" loading={saving}>
          {t("fund.saveDeadlines")}
        </Button>
      </Form.Item>
      {saved ? <Typography.Text>{t("fund.deadlinesSaved")}</Typography.Text> : null}
    </Form>
  );
}
