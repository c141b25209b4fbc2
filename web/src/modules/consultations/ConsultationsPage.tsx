// Consultations: the list (public ones, and the community deliberations the caller may see) and one consultation:
// articles with comments (a hidden one shows its rule and reason in place), comment and support forms, moderation,
// the closing report grouped by article, the final decision linked to the report, and a community's meeting record.
import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useCommunities, useDepartments, useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { FormModal } from "../../components/FormModal";
import { formatTime } from "../../components/formatTime";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { localText } from "../../i18n/bilingual";

type Consultations = ApiResponse<"/consultations">;
type Summary = Consultations["items"][number];
type Consultation = ApiResponse<"/consultations/{id}">;
type Article = Consultation["articles"][number];
type Comment = Article["comments"][number];
type Rules = ApiResponse<"/consultations/moderation-rules">;
type ReportBody = ApiBody<"/consultations/{id}/report", "post">;
type DecisionBody = ApiBody<"/consultations/{id}/decision", "post">;
type MeetingBody = ApiBody<"/consultations/{id}/meeting", "post">;

const statusColours: Record<string, string> = {
  upcoming: "default",
  open: "green",
  closed: "orange",
  reported: "blue",
  decided: "purple",
};

function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status] ?? "default"} data-testid="consultation-status">
      {t(`consultations.statuses.${status}`)}
    </Tag>
  );
}

function useBase(): string {
  return useLocation().pathname.startsWith("/console") ? "/console/consultations" : "/consultations";
}

/** The consultations the caller may see. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const base = useBase();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Consultations>("/consultations");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{t("consultations.listTitle")}</Typography.Title>
      <Typography.Paragraph>{t("consultations.listIntro")}</Typography.Paragraph>
      <Table<Summary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="consultations"
        columns={[
          { title: t("consultations.reference"), dataIndex: "reference" },
          {
            title: t("consultations.title"),
            dataIndex: "title",
            render: (title: string, record) => <Link to={`${base}/${record.id}`}>{title}</Link>,
          },
          {
            title: t("consultations.kind"),
            dataIndex: "kind",
            render: (kind: string) => t(`consultations.kinds.${kind}`),
          },
          {
            title: t("consultations.owner"),
            render: (_: unknown, record) =>
              record.departmentName ?? `${townLabel(record.townCode)} ${record.communityName ?? ""}`,
          },
          {
            title: t("consultations.period"),
            render: (_: unknown, record) => `${record.opensOn} – ${record.closesOn}`,
          },
          { title: t("consultations.comments"), dataIndex: "commentCount" },
          {
            title: t("consultations.status"),
            dataIndex: "status",
            render: (status: string) => <StatusTag status={status} />,
          },
        ]}
      />
    </Space>
  );
}

/** One consultation. */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const townLabel = useTownLabel();
  const { data, error, reload } = useApiQuery<Consultation>(`/consultations/${id}`);
  const [hiding, setHiding] = useState<Comment | null>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const owner = data.departmentName ?? `${townLabel(data.townCode)} ${data.communityName ?? ""}`;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>
        {data.title} <StatusTag status={data.status} />
      </Typography.Title>
      <Typography.Text>
        {data.reference} · {t(`consultations.kinds.${data.kind}`)} · {owner} · {t("consultations.period")}{" "}
        {data.opensOn} – {data.closesOn} · {t("consultations.commentCount", { count: data.commentCount })}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{data.summary}</Typography.Paragraph>
      {data.decision ? (
        <Card title={t("consultations.decision")} data-testid="consultation-decision">
          <Typography.Title level={4}>{data.decision.title}</Typography.Title>
          <Typography.Text type="secondary">
            {t("consultations.decisionPublished", { date: data.decision.publishedOn })} ·{" "}
            <a href="#consultation-report">{t("consultations.seeReport")}</a>
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8 }}>
            {data.decision.text}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {data.meeting ? <MeetingCard meeting={data.meeting} /> : null}
      {data.articles.map((article) => (
        <ArticleCard
          key={article.id}
          consultationId={id}
          article={article}
          mayComment={data.mayComment}
          mayModerate={data.mayModerate}
          onHide={setHiding}
          onChange={reload}
        />
      ))}
      {data.report ? <ReportCard report={data.report} articles={data.articles} /> : null}
      {data.mayManage && data.status === "closed" && data.kind === "public" ? (
        <ReportForm
          // The groups follow the visible comments: a comment hidden meanwhile regroups the form from scratch.
          key={data.articles.flatMap((article) => article.comments.filter((c) => !c.hidden).map((c) => c.id)).join()}
          consultation={data}
          onDone={reload}
        />
      ) : null}
      {data.mayManage && data.report && !data.decision ? <DecisionForm id={id} onDone={reload} /> : null}
      {data.mayManage && data.kind === "community" && !data.meeting && data.status !== "upcoming" ? (
        <MeetingForm id={id} onDone={reload} />
      ) : null}
      {hiding ? (
        <HideModal consultationId={id} comment={hiding} onClose={() => setHiding(null)} onDone={reload} />
      ) : null}
    </Space>
  );
}

function ArticleCard({
  consultationId,
  article,
  mayComment,
  mayModerate,
  onHide,
  onChange,
}: {
  consultationId: string;
  article: Article;
  mayComment: boolean;
  mayModerate: boolean;
  onHide: (comment: Comment) => void;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const comment = useSubmit(form, async (values: { text: string }, key: string) => {
    await apiPost(`/consultations/${consultationId}/comments`, { articleId: article.id, text: values.text }, key);
    form.resetFields();
    onChange();
  });
  const support = useSubmit(null, async (commentId: string, key: string) => {
    await apiPost(`/consultations/${consultationId}/comments/${commentId}/supports`, {}, key);
    onChange();
  });
  return (
    <Card
      size="small"
      title={`${t("consultations.article")} ${article.number} · ${article.heading}`}
      data-testid="consultation-article"
    >
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{article.body}</Typography.Paragraph>
      <SubmitErrorAlert {...support.alert} />
      {article.comments.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={article.comments}
          renderItem={(item) => (
            <List.Item
              data-testid={item.hidden ? "hidden-comment" : "comment"}
              actions={[
                !item.hidden && mayComment && !item.mine ? (
                  item.supportedByMe ? (
                    <Tag key="supported">{t("consultations.supported")}</Tag>
                  ) : (
                    <Button key="support" size="small" onClick={() => void support.submit(item.id)}>
                      {t("consultations.support")}
                    </Button>
                  )
                ) : null,
                !item.hidden && mayModerate ? (
                  <Button key="hide" size="small" danger data-testid="hide-comment" onClick={() => onHide(item)}>
                    {t("consultations.hide")}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <div>
                <Typography.Text type="secondary">
                  {item.author} · {formatTime(item.createdAt).slice(0, 16)} ·{" "}
                  {t("consultations.supportCount", { count: item.supportCount })}
                </Typography.Text>
                {item.hidden ? (
                  <Alert
                    type="warning"
                    style={{ marginTop: 4 }}
                    title={t("consultations.hiddenPlaceholder", {
                      on: item.hidden.on,
                      rule: localText(item.hidden.ruleLabel, i18n.language),
                      reason: item.hidden.reason,
                    })}
                  />
                ) : (
                  <div style={{ whiteSpace: "pre-wrap" }}>{item.text}</div>
                )}
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {mayComment ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          onFinish={(values) => void comment.submit(values)}
        >
          <SubmitErrorAlert {...comment.alert} />
          <Form.Item name="text" label={t("consultations.addComment")} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" loading={comment.saving}>
            {t("consultations.send")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function HideModal({
  consultationId,
  comment,
  onClose,
  onDone,
}: {
  consultationId: string;
  comment: Comment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ rule: string; reason: string }>();
  const rules = useApiQuery<Rules>("/consultations/moderation-rules");
  const submission = useSubmit(form, async (values: { rule: string; reason: string }, key: string) => {
    await apiPost(`/consultations/${consultationId}/comments/${comment.id}/hide`, values, key);
    onClose();
    onDone();
  });
  return (
    <FormModal
      open
      title={t("consultations.hideTitle")}
      okText={t("consultations.hide")}
      submitTestId="hide-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{comment.text}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="rule" label={t("consultations.rule")} rules={[{ required: true }]}>
          <Select
            data-testid="hide-rule"
            options={(rules.data?.items ?? []).map((rule) => ({
              value: rule.code,
              label: i18n.language === "en" ? rule.en : rule.zh,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("consultations.reason")} rules={[{ required: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ReportCard({ report, articles }: { report: NonNullable<Consultation["report"]>; articles: Article[] }) {
  const { t } = useTranslation();
  const headings = new Map(articles.map((article) => [article.number, article.heading]));
  return (
    <Card title={t("consultations.report")} id="consultation-report" data-testid="consultation-report">
      <Typography.Text type="secondary">
        {t("consultations.reportPublished", { date: report.publishedOn })}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8 }}>{report.summary}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(item) => item.commentIds.join(",")}
        dataSource={report.items}
        columns={[
          {
            title: t("consultations.article"),
            render: (_: unknown, item) =>
              item.articleNumber ? `${item.articleNumber} ${headings.get(item.articleNumber) ?? ""}` : "—",
          },
          {
            title: t("consultations.groupSummary"),
            render: (_: unknown, item) => (
              <>
                {item.summary}
                <div>
                  <Typography.Text type="secondary">
                    {t("consultations.groupComments", { count: item.commentIds.length })}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t("consultations.outcome"),
            dataIndex: "outcome",
            render: (outcome: string) => t(`consultations.outcomes.${outcome}`),
          },
          { title: t("consultations.response"), dataIndex: "response" },
        ]}
      />
    </Card>
  );
}

interface GroupForm {
  summary: string;
  outcome: "adopted" | "partly_adopted" | "not_adopted";
  response: string;
}

function ReportForm({ consultation, onDone }: { consultation: Consultation; onDone: () => void }) {
  const { t } = useTranslation();
  const groups = consultation.articles
    .map((article) => ({ article, comments: article.comments.filter((comment) => !comment.hidden) }))
    .filter((group) => group.comments.length > 0);
  const [form] = Form.useForm<{ summary: string; groups: GroupForm[] }>();
  const { submit, alert, saving } = useSubmit(
    form,
    async (values: { summary: string; groups: GroupForm[] }, key: string) => {
      const body: ReportBody = {
        summary: values.summary,
        items: groups.map((group, index) => ({
          articleId: group.article.id,
          commentIds: group.comments.map((comment) => comment.id),
          ...values.groups[index],
        })),
      };
      await apiPost(`/consultations/${consultation.id}/report`, body, key);
      onDone();
    },
  );
  return (
    <Card title={t("consultations.publishReport")} data-testid="report-form">
      <Typography.Paragraph type="secondary">{t("consultations.reportHint")}</Typography.Paragraph>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          groups: groups.map((group) => ({
            summary: group.comments
              .map((comment) => comment.text)
              .join("；")
              .slice(0, 500),
            outcome: "adopted",
          })),
        }}
      >
        <Form.Item name="summary" label={t("consultations.reportSummary")} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {groups.map((group, index) => (
          <Card
            key={group.article.id}
            size="small"
            type="inner"
            style={{ marginBottom: 12 }}
            title={`${t("consultations.group")} ${index + 1} · ${t("consultations.article")} ${group.article.number} · ${t("consultations.groupComments", { count: group.comments.length })}`}
          >
            <Form.Item
              name={["groups", index, "summary"]}
              label={t("consultations.groupSummary")}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name={["groups", index, "outcome"]}
              label={t("consultations.outcome")}
              rules={[{ required: true }]}
            >
              <Select
                style={{ width: 160 }}
                options={(["adopted", "partly_adopted", "not_adopted"] as const).map((value) => ({
                  value,
                  label: t(`consultations.outcomes.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name={["groups", index, "response"]}
              label={t("consultations.response")}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={2} data-testid="group-response" />
            </Form.Item>
          </Card>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="report-submit">
          {t("consultations.publishReport")}
        </Button>
      </Form>
    </Card>
  );
}

function DecisionForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: DecisionBody, key: string) => {
    await apiPost(`/consultations/${id}/decision`, values, key);
    onDone();
  });
  return (
    <Card title={t("consultations.publishDecision")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="title" label={t("consultations.decisionTitle")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label={t("consultations.decisionText")} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="decision-submit">
          {t("consultations.publishDecision")}
        </Button>
      </Form>
    </Card>
  );
}

function MeetingCard({ meeting }: { meeting: NonNullable<Consultation["meeting"]> }) {
  const { t } = useTranslation();
  return (
    <Card title={t("consultations.meeting")} data-testid="consultation-meeting">
      <Typography.Paragraph>
        {t("consultations.heldOn")} {meeting.heldOn} ·{" "}
        {t("consultations.presentCount", { count: meeting.present.length })} · {t("consultations.votesFor")}{" "}
        {meeting.votesFor} · {t("consultations.votesAgainst")} {meeting.votesAgainst} ·{" "}
        {t("consultations.votesAbstain")} {meeting.votesAbstain}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{meeting.present.join("、")}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{meeting.outcome}</Typography.Paragraph>
    </Card>
  );
}

type MeetingForm = Omit<MeetingBody, "heldOn" | "present"> & { heldOn: Dayjs; present: string };

function MeetingForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MeetingForm>();
  const { submit, alert, saving } = useSubmit(form, async (values: MeetingForm, key: string) => {
    const body: MeetingBody = {
      ...values,
      heldOn: values.heldOn.format("YYYY-MM-DD"),
      present: values.present
        .split("\n")
        .map((name) => name.trim())
        .filter(Boolean),
    };
    await apiPost(`/consultations/${id}/meeting`, body, key);
    onDone();
  });
  return (
    <Card title={t("consultations.recordMeeting")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ votesFor: 0, votesAgainst: 0, votesAbstain: 0 }}
      >
        <Form.Item name="heldOn" label={t("consultations.heldOn")} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="present" label={t("consultations.present")} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="votesFor" label={t("consultations.votesFor")}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="votesAgainst" label={t("consultations.votesAgainst")}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="votesAbstain" label={t("consultations.votesAbstain")}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="outcome" label={t("consultations.meetingOutcome")} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("consultations.recordMeeting")}
        </Button>
      </Form>
    </Card>
  );
}

interface NewForm {
  kind: "public" | "community";
  title: string;
  summary?: string;
  departmentCode?: string;
  townCode?: string;
  communityId?: string;
  period: [Dayjs, Dayjs];
  articles: { heading: string; body: string }[];
}

/** The form that publishes a department's draft or a community's deliberation. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewForm>();
  const departments = useDepartments();
  const towns = useTowns();
  const kind = Form.useWatch("kind", form) ?? (can("consultations.manage") ? "public" : "community");
  const townCode = Form.useWatch("townCode", form);
  const communities = useCommunities(kind === "community" ? townCode : null);
  const { submit, alert, saving } = useSubmit(form, async (values: NewForm, key: string) => {
    const common = {
      title: values.title,
      summary: values.summary ?? "",
      opensOn: values.period[0].format("YYYY-MM-DD"),
      closesOn: values.period[1].format("YYYY-MM-DD"),
      articles: values.articles,
    };
    const created =
      values.kind === "public"
        ? await apiPost<Consultation>("/consultations", { ...common, departmentCode: values.departmentCode }, key)
        : await apiPost<Consultation>("/consultations/community", { ...common, communityId: values.communityId }, key);
    navigate(`/console/consultations/${created.id}`);
  });
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("consultations.newTitle")}</Typography.Title>
      <Card>
        <SubmitErrorAlert {...alert} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={{ kind, articles: [{}] }}
        >
          <Form.Item name="kind" label={t("consultations.kind")} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={[
                ...(can("consultations.manage") ? [{ value: "public", label: t("consultations.kinds.public") }] : []),
                ...(can("consultations.community")
                  ? [{ value: "community", label: t("consultations.kinds.community") }]
                  : []),
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t("consultations.title")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summary" label={t("consultations.summary")}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space wrap>
            {kind === "public" ? (
              <Form.Item name="departmentCode" label={t("consultations.department")} rules={[{ required: true }]}>
                <Select
                  style={{ width: 240 }}
                  options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
                />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="townCode" label={t("suggestions.town")} rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: "label" }}
                    style={{ width: 160 }}
                    options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
                  />
                </Form.Item>
                <Form.Item name="communityId" label={t("consultations.community")} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 220 }}
                    options={communities.items.map((item) => ({ value: item.id, label: item.name }))}
                  />
                </Form.Item>
              </>
            )}
            <Form.Item name="period" label={t("consultations.period")} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </Space>
          <Typography.Text strong>{t("consultations.articles")}</Typography.Text>
          <Form.List name="articles">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={`${t("consultations.article")} ${index + 1}`}
                    style={{ marginBottom: 8 }}
                  >
                    <Form.Item
                      name={[field.name, "heading"]}
                      label={t("consultations.heading")}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, "body"]} label={t("consultations.body")} rules={[{ required: true }]}>
                      <Input.TextArea rows={3} />
                    </Form.Item>
                    {fields.length > 1 ? <Button onClick={() => remove(field.name)}>−</Button> : null}
                  </Card>
                ))}
                <Button onClick={() => add({})}>{t("consultations.addArticle")}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t("consultations.publish")}
            </Button>
          </div>
        </Form>
      </Card>
    </Space>
  );
}
