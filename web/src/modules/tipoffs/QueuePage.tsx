// Officers' tip-off queue (their department's tips; programme admins and auditors all), and one tip-off's page:
// take it, write to the reporter or note internally, record the finding and the reward. The reporter's identity
// shows only for the handling department's officers (the server leaves it out for everyone else).
import { useState } from "react";
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { apiPost, apiUrl } from "../../api/client";
import type { ApiBody, ApiQuery, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { EventTimeline, StateTag } from "./shared";

type Queue = ApiResponse<"/tipoffs">;
type Summary = Queue["items"][number];
type Tipoff = ApiResponse<"/tipoffs/{id}">;
type Categories = ApiResponse<"/tipoffs/categories">;
type QueueFilter = ApiQuery<"/tipoffs">;
type MessageBody = ApiBody<"/tipoffs/{id}/messages", "post">;
type DecisionBody = ApiBody<"/tipoffs/{id}/decision", "post">;
type RewardBody = ApiBody<"/tipoffs/{id}/reward", "post">;

const states = ["submitted", "investigating", "verified", "not_verified"] as const;

/** The queue with its filters. */
export function QueuePage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [filter, setFilter] = useState<QueueFilter>({ page: 1, pageSize: 20 });
  const categories = useApiQuery<Categories>("/tipoffs/categories");
  const { data, error, loading, reload } = useApiQuery<Queue>("/tipoffs", filter);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("tipoffs.queueTitle")}</Typography.Title>
      <Space wrap>
        <Select
          allowClear
          placeholder={t("tipoffs.state")}
          aria-label={t("tipoffs.state")}
          style={{ width: 140 }}
          value={filter.state}
          onChange={(state) => setFilter({ ...filter, state, page: 1 })}
          options={states.map((state) => ({ value: state, label: t(`tipoffs.states.${state}`) }))}
        />
        <Select
          allowClear
          placeholder={t("tipoffs.category")}
          aria-label={t("tipoffs.category")}
          style={{ width: 180 }}
          value={filter.categoryCode}
          onChange={(categoryCode) => setFilter({ ...filter, categoryCode, page: 1 })}
          options={(categories.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
        />
        <Input.Search
          allowClear
          placeholder={t("tipoffs.search")}
          aria-label={t("tipoffs.search")}
          style={{ width: 280 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })}
        />
      </Space>
      <Table<Summary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="tipoff-queue"
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          {
            title: t("tipoffs.reference"),
            dataIndex: "reference",
            render: (reference: string, record) => <Link to={`/console/tipoffs/${record.id}`}>{reference}</Link>,
          },
          { title: t("tipoffs.category"), dataIndex: "categoryName" },
          {
            title: t("tipoffs.place"),
            render: (_: unknown, record) => `${townLabel(record.townCode)} ${record.place}`,
          },
          {
            title: t("tipoffs.state"),
            render: (_: unknown, record) => (
              <>
                <StateTag state={record.state} />
                {record.overdue ? <Tag color="red">{t("tipoffs.overdue")}</Tag> : null}
                {record.assignedToMe ? <Tag color="purple">{t("tipoffs.assignedToMe")}</Tag> : null}
              </>
            ),
          },
          {
            title: t("tipoffs.channel"),
            render: (_: unknown, record) =>
              `${t(`tipoffs.channels.${record.channel}`)} · ${record.anonymous ? t("tipoffs.anonymous") : t("tipoffs.named")}`,
          },
          { title: t("tipoffs.department"), dataIndex: "departmentName" },
          { title: t("tipoffs.submittedOn"), dataIndex: "submittedOn" },
          { title: t("tipoffs.dueOn"), dataIndex: "dueOn" },
        ]}
      />
    </Space>
  );
}

/** One tip-off for staff. */
export function TipoffPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const { data, error, reload } = useApiQuery<Tipoff>(`/tipoffs/${id}`);
  const take = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/tipoffs/${id}/take`, {}, key);
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const acting = data.handling && can("tipoffs.investigate");
  const decided = data.state === "verified" || data.state === "not_verified";
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {data.reference} {data.categoryName} <StateTag state={data.state} />
        {data.overdue ? <Tag color="red">{t("tipoffs.overdue")}</Tag> : null}
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "place", label: t("tipoffs.place"), children: `${townLabel(data.townCode)} ${data.place}` },
            { key: "department", label: t("tipoffs.department"), children: data.departmentName },
            { key: "submitted", label: t("tipoffs.submittedOn"), children: data.submittedOn },
            { key: "due", label: t("tipoffs.dueOn"), children: data.dueOn },
            {
              key: "channel",
              label: t("tipoffs.channel"),
              children: `${t(`tipoffs.channels.${data.channel}`)} · ${data.anonymous ? t("tipoffs.anonymous") : t("tipoffs.named")}`,
            },
            ...(data.campaignCode
              ? [{ key: "campaign", label: t("tipoffs.campaign"), children: data.campaignCode }]
              : []),
            ...(data.latitude !== null && data.longitude !== null
              ? [{ key: "location", label: t("tipoffs.location"), children: `${data.latitude}, ${data.longitude}` }]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12 }}>
          {data.description}
        </Typography.Paragraph>
        <Space wrap>
          {data.photos.map((photo, index) => (
            <a key={photo.id} href={apiUrl(`/tipoffs/${id}/photos/${photo.id}`)}>
              {t("tipoffs.download")} #{index + 1} ({Math.ceil(photo.sizeBytes / 1024)} KiB)
            </a>
          ))}
        </Space>
      </Card>
      <Card size="small" title={t("tipoffs.reporter")} data-testid="tipoff-reporter">
        {data.reporter ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "name", label: t("tipoffs.reporterName"), children: data.reporter.name ?? "—" },
              { key: "phone", label: t("tipoffs.reporterPhone"), children: data.reporter.phone ?? "—" },
              { key: "id", label: t("tipoffs.reporterIdNumber"), children: data.reporter.idNumber ?? "—" },
              { key: "email", label: t("tipoffs.reporterEmail"), children: data.reporter.email ?? "—" },
              {
                key: "flags",
                label: "",
                children: (
                  <>
                    {data.reporter.signedIn ? <Tag>{t("tipoffs.signedIn")}</Tag> : null}
                    {data.reporter.personLinked ? <Tag>{t("tipoffs.personLinked")}</Tag> : null}
                  </>
                ),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">
            {data.anonymous
              ? t("tipoffs.anonymous")
              : data.handling && !data.assignedToMe
                ? t("tipoffs.reporterAfterTaking")
                : t("tipoffs.reporterHidden")}
          </Typography.Text>
        )}
      </Card>
      {data.outcomeNote ? (
        <Card size="small" title={t("tipoffs.outcome")}>
          {data.outcomeNote} ({data.decidedOn})
        </Card>
      ) : null}
      {data.reward ? (
        <Card size="small" title={t("tipoffs.reward")} data-testid="staff-reward">
          {t("tipoffs.rewardAmount", { amount: data.reward.amountYuan })} · {data.reward.note} · {data.reward.grantedOn}
          {data.reward.collectedOn ? ` · ${t("tipoffs.rewardCollected", { date: data.reward.collectedOn })}` : null}
        </Card>
      ) : null}
      <Card size="small" title={t("tipoffs.timeline")}>
        <EventTimeline events={data.events} staff />
      </Card>
      {acting && data.state === "submitted" ? (
        <Space>
          <Button type="primary" loading={take.saving} onClick={() => void take.submit(null)} data-testid="tipoff-take">
            {t("tipoffs.take")}
          </Button>
          <SubmitErrorAlert {...take.alert} />
        </Space>
      ) : null}
      {acting ? <MessageForm id={id} onDone={reload} /> : null}
      {acting && data.state === "investigating" ? <DecisionForm id={id} onDone={reload} /> : null}
      {acting && decided && data.state === "verified" && !data.reward ? <RewardForm id={id} onDone={reload} /> : null}
    </Space>
  );
}

function MessageForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MessageBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: MessageBody, key: string) => {
    await apiPost(`/tipoffs/${id}/messages`, { text: values.text, toReporter: values.toReporter ?? true }, key);
    form.resetFields();
    onDone();
  });
  return (
    <Card size="small" title={t("tipoffs.message")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ toReporter: true }}
      >
        <Form.Item name="text" label={t("tipoffs.message")} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="toReporter" label={t("tipoffs.messageToReporter")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          {t("tipoffs.send")}
        </Button>
      </Form>
    </Card>
  );
}

function DecisionForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: DecisionBody, key: string) => {
    await apiPost(`/tipoffs/${id}/decision`, values, key);
    onDone();
  });
  return (
    <Card size="small" title={t("tipoffs.decision")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="verified" label={t("tipoffs.decision")} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="tipoff-verdict"
            options={[
              { value: true, label: t("tipoffs.verified") },
              { value: false, label: t("tipoffs.notVerified") },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t("tipoffs.note")} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="tipoff-decide">
          {t("tipoffs.decide")}
        </Button>
      </Form>
    </Card>
  );
}

function RewardForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RewardBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: RewardBody, key: string) => {
    await apiPost(`/tipoffs/${id}/reward`, values, key);
    onDone();
  });
  return (
    <Card size="small" title={t("tipoffs.grantReward")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="amountYuan" label={t("tipoffs.amountYuan")} rules={[{ required: true }]}>
          <Input inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t("tipoffs.rewardNote")} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="tipoff-reward-submit">
          {t("tipoffs.grantReward")}
        </Button>
      </Form>
    </Card>
  );
}
