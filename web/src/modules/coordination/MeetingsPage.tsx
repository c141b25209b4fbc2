// Joint meetings (联席会议): the list, and for programme admins planning one (its agenda is built from the overdue
// and escalated tasks when it is planned).
import { Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";

type Meetings = ApiResponse<"/coordination/meetings">;
type Meeting = Meetings["items"][number];

/** The meeting list and the planning form. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string; heldOn: Dayjs }>();
  const { data, error, loading, reload } = useApiQuery<Meetings>("/coordination/meetings");
  const plan = useSubmit(form, async (values: { title: string; heldOn: Dayjs }, key: string) => {
    const created = await apiPost<Meeting>(
      "/coordination/meetings",
      { title: values.title, heldOn: values.heldOn.format("YYYY-MM-DD") },
      key,
    );
    navigate(`/console/coordination/meetings/${created.id}`);
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("coordination.meetingsTitle")}</Typography.Title>
      <Table<Meeting>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="joint-meetings"
        columns={[
          {
            title: t("coordination.number"),
            dataIndex: "number",
            render: (number: string, meeting) => (
              <Link to={`/console/coordination/meetings/${meeting.id}`}>{number}</Link>
            ),
          },
          {
            title: t("coordination.title"),
            dataIndex: "title",
            render: (title: string, meeting) => (
              <>
                {title} {meeting.synthetic ? <Tag>{t("coordination.synthetic")}</Tag> : null}
              </>
            ),
          },
          { title: t("coordination.heldOn"), dataIndex: "heldOn" },
          {
            title: t("coordination.status"),
            dataIndex: "status",
            render: (status: string) => (
              <Tag color={status === "held" ? "green" : "blue"}>{t(`coordination.${status}`)}</Tag>
            ),
          },
        ]}
      />
      {can("coordination.meetings.manage") ? (
        <Card size="small" title={t("coordination.newMeeting")}>
          <SubmitErrorAlert {...plan.alert} />
          <Form form={form} layout="inline" onFinish={(values) => void plan.submit(values)}>
            <Form.Item name="title" rules={[{ required: true }]}>
              <Input style={{ width: 320 }} placeholder={t("coordination.title")} />
            </Form.Item>
            <Form.Item name="heldOn" rules={[{ required: true }]}>
              <DatePicker placeholder={t("coordination.heldOn")} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={plan.saving}>
              {t("coordination.newMeeting")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
