import { Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from "antd";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { CaseActions } from "./CaseActions";
import { NextStepForm } from "./NextStepForm";
import { chineseOnly } from "./AmountExplanation";
import { CodeLabel, describeDetails, relationshipLabel, stepLabel } from "./timeline.labels";
import type { AssistanceCase, CaseMember } from "./types";
import { DueDate, ProvisionalTag } from "../../components/DueDate";

/** The clerk's case page: household, members and incomes, assessment, deadlines, timeline, next step. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const townLabel = useTownLabel();
  const {
    data: record,
    error,
    loading,
    reload,
  } = useApiQuery<AssistanceCase>(`/assistance/cases/${encodeURIComponent(id)}`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !record) return <Skeleton active />;
  if (!record) return null;
  const deadlines = record.deadlines;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4} data-testid="assistance-case-title">
        {record.number} · {record.payeeName}{" "}
        <Tag data-testid="assistance-case-state">{t(`assistance.state.${record.state}`)}</Tag>
      </Typography.Title>
      <Card size="small" title={t("assistance.household")}>
        <Descriptions size="small" column={3} data-testid="assistance-case-household">
          <Descriptions.Item label={t("assistance.town")}>{townLabel(record.townCode)}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.householdIncome")}>{record.householdIncomeYuan}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.assets")}>{record.assetsYuan}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("assistance.memberList")}>
        <Table<CaseMember>
          size="small"
          rowKey="personId"
          pagination={false}
          dataSource={record.members}
          data-testid="assistance-case-members"
          columns={[
            { title: t("assistance.name"), dataIndex: "name" },
            {
              title: t("assistance.idNumber"),
              dataIndex: "idNumber",
              render: (value: string) => <span className="mono">{value}</span>,
            },
            {
              title: t("assistance.relationship"),
              dataIndex: "relationship",
              render: (value: string) => <CodeLabel label={relationshipLabel(value, t)} code={value} />,
            },
            { title: t("assistance.income"), dataIndex: "monthlyIncomeYuan", align: "right" },
            {
              title: t("assistance.categories"),
              dataIndex: "categories",
              render: (values: string[]) =>
                values.map((value) => <Tag key={value}>{t(`assistance.category.${value}`)}</Tag>),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("assistance.eligibility")}>
        <Descriptions size="small" column={4} data-testid="assistance-case-eligibility">
          <Descriptions.Item label={t("assistance.month")}>{record.eligibility.month}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.state")}>
            {record.eligibility.eligible ? t("assistance.eligible") : t("assistance.notEligible")}
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.dibao")}>{record.eligibility.dibaoYuan}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.supplement")}>{record.eligibility.supplementYuan}</Descriptions.Item>
        </Descriptions>
        {record.eligibility.reasons.map((reason) => (
          <Typography.Paragraph key={reason.rule} type="warning">
            {chineseOnly(reason.message)} {reason.reference ? `（${reason.referenceZh ?? reason.reference}）` : ""}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card size="small" title={t("assistance.deadlines")}>
        <Descriptions size="small" column={3} data-testid="assistance-case-deadlines">
          <Descriptions.Item label={t("assistance.submittedOn")}>{deadlines.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t("assistance.townDue")}>
            <DueDate date={deadlines.townOpinionDueOn} />
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.publicity")}>
            {deadlines.publicityStartOn ? (
              <>
                {`${deadlines.publicityStartOn} – ${deadlines.publicityEndOn}`}
                <ProvisionalTag date={deadlines.publicityEndOn} />
              </>
            ) : (
              "—"
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.decisionDue")}>
            <DueDate date={deadlines.decisionDueOn} />
            {record.decisionLate ? <Tag color="red">{t("assistance.late")}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t("assistance.nextReview")}>{deadlines.nextReviewOn ?? "—"}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("assistance.nextStep")}>
        <NextStepForm record={record} onDone={reload} />
        <CaseActions record={record} onDone={reload} />
      </Card>
      <Card size="small" title={t("assistance.timeline")}>
        <Timeline
          data-testid="assistance-case-timeline"
          items={record.timeline.map((event) => ({
            key: event.id,
            content: (
              <span>
                <strong>{event.onDate}</strong> <CodeLabel label={stepLabel(event.kind, t)} code={event.kind} /> ·{" "}
                {event.actorName ?? event.actorUsername}{" "}
                <Typography.Text type="secondary">{describeDetails(event.details, t)}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
