// The organiser's console: the activities of their organisations, and the form that publishes one.
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { shanghaiInstant } from "../../components/formatTime";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { activityPeriod } from "./labels";

type Organised = ApiResponse<"/participation/organiser/activities">;
type Activity = Organised["items"][number];
type Campaigns = ApiResponse<"/participation/campaigns">;
type ActivityBody = ApiBody<"/participation/activities", "post">;
type ActivityForm = Omit<ActivityBody, "startsAt" | "endsAt"> & { period: [Dayjs, Dayjs] };

export const volunteerCategories = ["general", "anti_drug", "online_civility", "safety_publicity"] as const;

/** The organiser's activities and the publishing form. */
export function OrganiserPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Organised>("/participation/organiser/activities");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("participation.organiserTitle")}</Typography.Title>
      {data ? (
        <Typography.Text type="secondary">
          {t("participation.organisations", { names: data.organisations.map((item) => item.name).join("、") })}
        </Typography.Text>
      ) : null}
      <Table<Activity>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="organiser-activities"
        columns={[
          {
            title: t("participation.title"),
            dataIndex: "title",
            render: (title: string, record) => (
              <Link to={`/console/participation/activities/${record.id}`}>{title}</Link>
            ),
          },
          { title: t("participation.organisation"), dataIndex: "organisationName" },
          {
            title: t("participation.category"),
            dataIndex: "category",
            render: (category: string) => t(`participation.categories.${category}`),
          },
          {
            title: t("participation.period"),
            render: (_: unknown, record) => activityPeriod(record.startsAt, record.endsAt),
          },
          { title: t("participation.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          {
            title: t("participation.signedUp"),
            render: (_: unknown, record) => `${record.confirmedCount}/${record.capacity} · ${record.waitingCount}`,
          },
          {
            title: t("participation.status"),
            dataIndex: "status",
            render: (status: string) => (
              <Tag color={status === "published" ? "blue" : "default"}>
                {t(`participation.activityStatus.${status}`)}
              </Tag>
            ),
          },
        ]}
      />
      {data ? <NewActivityForm organisations={data.organisations} onDone={reload} /> : null}
    </Space>
  );
}

function NewActivityForm({ organisations, onDone }: { organisations: Organised["organisations"]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityForm>();
  const towns = useTowns();
  const campaigns = useApiQuery<Campaigns>("/participation/campaigns");
  const { submit, alert, saving } = useSubmit(form, async (values: ActivityForm, key: string) => {
    const { period, ...rest } = values;
    const body: ActivityBody = { ...rest, startsAt: shanghaiInstant(period[0]), endsAt: shanghaiInstant(period[1]) };
    await apiPost("/participation/activities", body, key);
    form.resetFields();
    onDone();
  });
  return (
    <Card size="small" title={t("participation.newActivity")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ organisationId: organisations[0]?.id, category: "general", capacity: 20 }}
      >
        <Space wrap>
          <Form.Item name="organisationId" label={t("participation.organisation")} rules={[{ required: true }]}>
            <Select
              style={{ width: 240 }}
              options={organisations.map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="campaignCode" label={t("participation.campaign")}>
            <Select
              allowClear
              style={{ width: 200 }}
              options={(campaigns.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t("participation.category")} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={volunteerCategories.map((code) => ({
                value: code,
                label: t(`participation.categories.${code}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t("participation.title")} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("participation.description")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="place" label={t("participation.place")} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="townCode" label={t("participation.town")} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 160 }}
              options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t("participation.period")} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="capacity" label={t("participation.capacity")} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="publish-activity">
          {t("participation.newActivity")}
        </Button>
      </Form>
    </Card>
  );
}
