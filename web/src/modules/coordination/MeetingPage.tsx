// One joint meeting: its agenda of overdue and escalated tasks; once held, attendance, minutes, decisions and the
// action items (tasks); for programme admins the form that records it; the minutes as PDF.
import {
  Button,
  Card,
  Checkbox,
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
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { apiPost, apiUrl } from "../../api/client";
import { useDepartments } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { DueDate } from "../../components/DueDate";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { TasksTable } from "./TasksTable";
import { WorkingDaysLeft } from "./WorkingDaysLeft";

type Meeting = ApiResponse<"/coordination/meetings/{id}">;
type RecordBody = ApiBody<"/coordination/meetings/{id}/record", "post">;
type RecordForm = Omit<RecordBody, "decisions"> & { decisions: string };

/** A joint meeting's page. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const { data, error, reload } = useApiQuery<Meeting>(`/coordination/meetings/${id}`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {data.number} {data.title}
      </Typography.Title>
      <Space>
        <Tag color={data.status === "held" ? "green" : "blue"}>{t(`coordination.${data.status}`)}</Tag>
        <span>{data.heldOn}</span>
        {data.status === "held" ? (
          <a href={apiUrl(`/coordination/meetings/${id}/minutes.pdf`)} data-testid="minutes-pdf">
            {t("coordination.minutesPdf")}
          </a>
        ) : null}
      </Space>
      <Card size="small" title={t("coordination.agenda")}>
        <Table
          size="small"
          rowKey={(item) => item.task.id}
          pagination={false}
          dataSource={data.agenda}
          data-testid="meeting-agenda"
          columns={[
            {
              title: t("coordination.number"),
              render: (_: unknown, item) =>
                item.task.caseId ? (
                  <Link to={`/console/coordination/cases/${item.task.caseId}`}>{item.caseNumber}</Link>
                ) : (
                  "—"
                ),
            },
            { title: t("coordination.department"), render: (_: unknown, item) => item.task.departmentName },
            { title: t("coordination.task"), render: (_: unknown, item) => item.task.description },
            { title: t("coordination.due"), render: (_: unknown, item) => <DueDate date={item.task.dueOn} /> },
            {
              title: t("coordination.left"),
              render: (_: unknown, item) => (
                <WorkingDaysLeft days={item.task.workingDaysLeft} done={item.task.status === "done"} />
              ),
            },
            {
              title: t("coordination.escalation"),
              render: (_: unknown, item) =>
                item.reason === "escalated" ? (
                  <Tag color="volcano">{t("coordination.reasonEscalated")}</Tag>
                ) : (
                  <Tag color="red">{t("coordination.reasonOverdue")}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {data.status === "held" ? (
        <>
          <Card size="small" title={t("coordination.attendance")}>
            <List
              size="small"
              dataSource={data.attendees}
              renderItem={(attendee) => (
                <List.Item>
                  {attendee.name} ({attendee.departmentCode}){" "}
                  {attendee.present ? t("coordination.present") : t("coordination.absent")}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t("coordination.minutes")}>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{data.minutes}</Typography.Paragraph>
            <ol>
              {data.decisions.map((decision) => (
                <li key={decision}>{decision}</li>
              ))}
            </ol>
          </Card>
          <Card size="small" title={t("coordination.actionItems")}>
            <TasksTable tasks={data.actionItems} onChange={reload} />
          </Card>
        </>
      ) : can("coordination.meetings.manage") ? (
        <RecordForm id={id} onDone={reload} />
      ) : null}
    </Space>
  );
}

function RecordForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordForm>();
  const departments = useDepartments();
  const options = departments.items.map((item) => ({ value: item.code, label: item.name }));
  const { submit, alert, saving } = useSubmit(form, async (values: RecordForm, key: string) => {
    const body: RecordBody = {
      attendees: values.attendees ?? [],
      minutes: values.minutes,
      decisions: (values.decisions ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      actionItems: values.actionItems ?? [],
    };
    await apiPost(`/coordination/meetings/${id}/record`, body, key);
    onDone();
  });
  return (
    <Card size="small" title={t("coordination.record")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ attendees: [{ present: true }], actionItems: [] }}
      >
        <Typography.Text strong>{t("coordination.attendance")}</Typography.Text>
        <Form.List name="attendees">
          {(fields, { add }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, "departmentCode"]} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} placeholder={t("coordination.department")} options={options} />
                  </Form.Item>
                  <Form.Item name={[field.name, "name"]} rules={[{ required: true }]}>
                    <Input placeholder={t("coordination.name")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "present"]} valuePropName="checked">
                    <Checkbox>{t("coordination.present")}</Checkbox>
                  </Form.Item>
                </Space>
              ))}
              <Button onClick={() => add({ present: true })}>{t("coordination.addAttendee")}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="minutes" label={t("coordination.minutes")} rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="decisions" label={t("coordination.decisions")}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Typography.Text strong>{t("coordination.actionItems")}</Typography.Text>
        <Form.List name="actionItems">
          {(fields, { add }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, "departmentCode"]} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} placeholder={t("coordination.department")} options={options} />
                  </Form.Item>
                  <Form.Item name={[field.name, "description"]} rules={[{ required: true }]}>
                    <Input style={{ width: 300 }} placeholder={t("coordination.task")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "workingDays"]} rules={[{ required: true }]}>
                    <InputNumber min={1} max={60} placeholder={t("coordination.workingDays")} />
                  </Form.Item>
                </Space>
              ))}
              <Button onClick={() => add({})}>{t("coordination.addActionItem")}</Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }}>
          {t("coordination.record")}
        </Button>
      </Form>
    </Card>
  );
}
