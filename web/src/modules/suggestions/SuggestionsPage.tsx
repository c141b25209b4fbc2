// Suggestions (金点子): the public list with filters and search, one idea's page (support, the department's answer,
// progress; for the owning department the review, answer and progress forms), and the proposal form.
import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Progress,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useDepartments, useTowns } from "../../api/reference";
import type { ApiBody, ApiQuery, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { formatTime } from "../../components/formatTime";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";

type Page = ApiResponse<"/suggestions">;
type Summary = Page["items"][number];
type Suggestion = ApiResponse<"/suggestions/{id}">;
type Settings = ApiResponse<"/suggestions/settings">;
type Campaigns = ApiResponse<"/participation/campaigns">;
type Filter = ApiQuery<"/suggestions">;
type ProposeBody = ApiBody<"/suggestions", "post">;
type AnswerBody = ApiBody<"/suggestions/{id}/answer", "post">;
type ProgressBody = ApiBody<"/suggestions/{id}/progress", "post">;

const states = ["submitted", "under_review", "adopted", "partly_adopted", "not_adopted", "implemented"] as const;
const colours: Record<string, string> = {
  submitted: "blue",
  under_review: "gold",
  adopted: "green",
  partly_adopted: "cyan",
  not_adopted: "default",
  implemented: "purple",
};

/** An idea's state as a coloured tag. */
export function SuggestionStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[state] ?? "default"} data-testid="suggestion-state">
      {t(`suggestions.states.${state}`)}
    </Tag>
  );
}

/** The base path of idea pages: under /console inside the console, else public. */
function useBase(): string {
  return useLocation().pathname.startsWith("/console") ? "/console/suggestions" : "/suggestions";
}

/** The list with filters and search. */
export function SuggestionsPage({ awaiting = false }: { awaiting?: boolean }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const base = useBase();
  const towns = useTowns();
  const campaigns = useApiQuery<Campaigns>("/participation/campaigns");
  const settings = useApiQuery<Settings>("/suggestions/settings");
  const [filter, setFilter] = useState<Filter>({
    page: 1,
    pageSize: 20,
    ...(awaiting ? { awaitingAnswer: true } : {}),
  });
  const { data, error, loading, reload } = useApiQuery<Page>("/suggestions", filter);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{t(awaiting ? "suggestions.navQueue" : "suggestions.listTitle")}</Typography.Title>
      {settings.data ? (
        <Typography.Paragraph>
          {t("suggestions.listIntro", {
            threshold: settings.data.supportThreshold,
            days: settings.data.answerWorkingDays,
          })}
        </Typography.Paragraph>
      ) : null}
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t("suggestions.search")}
          placeholder={t("suggestions.search")}
          style={{ width: 260 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })}
        />
        <Select
          allowClear
          aria-label={t("suggestions.state")}
          placeholder={t("suggestions.state")}
          style={{ width: 140 }}
          onChange={(state) => setFilter({ ...filter, state, page: 1 })}
          options={states.map((state) => ({ value: state, label: t(`suggestions.states.${state}`) }))}
        />
        <Select
          allowClear
          aria-label={t("suggestions.campaign")}
          placeholder={t("suggestions.campaign")}
          style={{ width: 160 }}
          onChange={(campaign) => setFilter({ ...filter, campaign, page: 1 })}
          options={(campaigns.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
        />
        <Select
          showSearch={{ optionFilterProp: "label" }}
          allowClear
          aria-label={t("suggestions.town")}
          placeholder={t("suggestions.town")}
          style={{ width: 140 }}
          onChange={(town) => setFilter({ ...filter, town, page: 1 })}
          options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
        />
        <Checkbox
          checked={filter.awaitingAnswer === true}
          onChange={(event) =>
            setFilter({ ...filter, awaitingAnswer: event.target.checked ? true : undefined, page: 1 })
          }
        >
          {t("suggestions.awaitingAnswer")}
        </Checkbox>
      </Space>
      <Table<Summary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="suggestions"
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          { title: t("suggestions.reference"), dataIndex: "reference" },
          {
            title: t("suggestions.title"),
            dataIndex: "title",
            render: (title: string, record) => <Link to={`${base}/${record.id}`}>{title}</Link>,
          },
          { title: t("suggestions.campaign"), dataIndex: "campaignName", render: (name: string | null) => name ?? "—" },
          { title: t("suggestions.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("suggestions.department"), dataIndex: "departmentName" },
          {
            title: t("suggestions.supports"),
            render: (_: unknown, record) =>
              t("suggestions.supportsOf", { count: record.supportCount, threshold: record.supportThreshold }),
          },
          {
            title: t("suggestions.state"),
            render: (_: unknown, record) => (
              <>
                <SuggestionStateTag state={record.state} />
                {record.answerOverdue ? <Tag color="red">{t("suggestions.overdue")}</Tag> : null}
              </>
            ),
          },
          {
            title: t("suggestions.answerDueOn"),
            dataIndex: "answerDueOn",
            render: (date: string | null) => date ?? "—",
          },
        ]}
      />
    </Space>
  );
}

/** One idea. */
export function SuggestionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can, status } = useSession();
  const townLabel = useTownLabel();
  const { data, error, reload } = useApiQuery<Suggestion>(`/suggestions/${id}`);
  const support = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/suggestions/${id}/supports`, {}, key);
    reload();
  });
  const review = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/suggestions/${id}/review`, {}, key);
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const open = data.state === "submitted" || data.state === "under_review";
  const percent = Math.min(100, Math.round((data.supportCount * 100) / data.supportThreshold));
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>
        {data.title} <SuggestionStateTag state={data.state} />
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: "reference", label: t("suggestions.reference"), children: data.reference },
          { key: "proposer", label: t("suggestions.proposer"), children: data.proposer },
          { key: "submitted", label: t("suggestions.submittedOn"), children: data.submittedOn },
          { key: "town", label: t("suggestions.town"), children: townLabel(data.townCode) },
          { key: "campaign", label: t("suggestions.campaign"), children: data.campaignName ?? "—" },
          { key: "department", label: t("suggestions.department"), children: data.departmentName },
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{data.body}</Typography.Paragraph>
      <Card size="small" title={t("suggestions.supports")}>
        <Progress
          aria-label={t("suggestions.supports")}
          percent={percent}
          format={() => `${data.supportCount} / ${data.supportThreshold}`}
        />
        <div data-testid="suggestion-supports">
          {t("suggestions.supportsOf", { count: data.supportCount, threshold: data.supportThreshold })}
        </div>
        {data.thresholdReachedOn ? (
          <Alert
            style={{ marginTop: 8 }}
            type={data.answerOverdue ? "error" : "info"}
            data-testid="suggestion-threshold"
            title={t("suggestions.thresholdReached", { date: data.thresholdReachedOn, due: data.answerDueOn })}
          />
        ) : null}
        <div style={{ marginTop: 8 }}>
          <SubmitErrorAlert {...support.alert} />
          {data.mine ? (
            <Typography.Text type="secondary">{t("suggestions.mine")}</Typography.Text>
          ) : data.supportedByMe ? (
            <Tag color="green">{t("suggestions.supported")}</Tag>
          ) : open && can("suggestions.support") ? (
            <Button
              type="primary"
              loading={support.saving}
              onClick={() => void support.submit(null)}
              data-testid="suggestion-support"
            >
              {t("suggestions.support")}
            </Button>
          ) : open && status !== "signedIn" ? (
            <Typography.Text type="secondary">{t("suggestions.signInToSupport")}</Typography.Text>
          ) : null}
        </div>
      </Card>
      {data.answer ? (
        <Card size="small" title={t("suggestions.answer")} data-testid="suggestion-answer">
          <SuggestionStateTag state={data.state} /> {t("suggestions.answeredOn")}: {data.answeredOn}
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8 }}>{data.answer}</Typography.Paragraph>
        </Card>
      ) : null}
      {data.progress.length > 0 ? (
        <Card size="small" title={t("suggestions.progress")}>
          <Timeline
            items={data.progress.map((note) => ({
              key: note.createdAt,
              content: (
                <>
                  {formatTime(note.createdAt).slice(0, 10)} {note.text}{" "}
                  {note.implemented ? <Tag color="purple">{t("suggestions.states.implemented")}</Tag> : null}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
      {data.mayAnswer && data.state === "submitted" ? (
        <Space>
          <Button loading={review.saving} onClick={() => void review.submit(null)}>
            {t("suggestions.review")}
          </Button>
          <SubmitErrorAlert {...review.alert} />
        </Space>
      ) : null}
      {data.mayAnswer && open ? <AnswerForm id={id} onDone={reload} /> : null}
      {data.mayAnswer && (data.state === "adopted" || data.state === "partly_adopted") ? (
        <ProgressForm id={id} onDone={reload} />
      ) : null}
    </Space>
  );
}

function AnswerForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: AnswerBody, key: string) => {
    await apiPost(`/suggestions/${id}/answer`, values, key);
    onDone();
  });
  return (
    <Card size="small" title={t("suggestions.answerTitle")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="outcome" label={t("suggestions.outcome")} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="suggestion-outcome"
            options={(["adopted", "partly_adopted", "not_adopted"] as const).map((value) => ({
              value,
              label: t(`suggestions.states.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="answer" label={t("suggestions.answerText")} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="suggestion-answer-submit">
          {t("suggestions.submitAnswer")}
        </Button>
      </Form>
    </Card>
  );
}

function ProgressForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProgressBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: ProgressBody, key: string) => {
    await apiPost(`/suggestions/${id}/progress`, { text: values.text, implemented: values.implemented ?? false }, key);
    form.resetFields();
    onDone();
  });
  return (
    <Card size="small" title={t("suggestions.progress")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="text" label={t("suggestions.progressText")} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="implemented" valuePropName="checked">
          <Checkbox>{t("suggestions.implemented")}</Checkbox>
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          {t("suggestions.addProgress")}
        </Button>
      </Form>
    </Card>
  );
}

/** The proposal form (residents with a verified identity). */
export function ProposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposeBody>();
  const towns = useTowns();
  const departments = useDepartments();
  const campaigns = useApiQuery<Campaigns>("/participation/campaigns");
  const { submit, alert, saving } = useSubmit(form, async (values: ProposeBody, key: string) => {
    const created = await apiPost<Suggestion>("/suggestions", values, key);
    navigate(`/console/suggestions/${created.id}`);
  });
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("suggestions.newTitle")}</Typography.Title>
      <Card>
        <SubmitErrorAlert {...alert} />
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="title" label={t("suggestions.title")} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t("suggestions.body")} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="townCode" label={t("suggestions.town")} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                style={{ width: 160 }}
                options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
              />
            </Form.Item>
            <Form.Item name="campaignCode" label={t("suggestions.campaign")}>
              <Select
                allowClear
                style={{ width: 180 }}
                options={(campaigns.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              />
            </Form.Item>
            <Form.Item
              name="departmentCode"
              label={t("suggestions.department")}
              extra={t("suggestions.departmentHint")}
            >
              <Select
                allowClear
                style={{ width: 240 }}
                options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
              />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("suggestions.propose")}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
