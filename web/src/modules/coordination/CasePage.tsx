// One joint case: its lead, its tasks with deadlines and escalation, and for programme admins adding a task and
// closing the case.
import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useDepartments } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { TasksTable } from "./TasksTable";

type JointCase = ApiResponse<"/coordination/cases/{id}">;
type TaskBody = ApiBody<"/coordination/cases/{id}/tasks", "post">;

/** A joint case's page. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const departments = useDepartments();
  const [form] = Form.useForm<TaskBody>();
  const { data, error, reload } = useApiQuery<JointCase>(`/coordination/cases/${id}`);
  const manage = can("coordination.cases.manage");
  const addTask = useSubmit(form, async (values: TaskBody, key: string) => {
    await apiPost(`/coordination/cases/${id}/tasks`, values, key);
    form.resetFields();
    reload();
  });
  const close = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/coordination/cases/${id}/close`, undefined, key);
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {data.number} {data.title}
      </Typography.Title>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t("coordination.lead")}>{data.leadDepartmentName}</Descriptions.Item>
        <Descriptions.Item label={t("coordination.town")}>{townLabel(data.townCode) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("coordination.openedOn")}>{data.openedOn}</Descriptions.Item>
        <Descriptions.Item label={t("coordination.status")}>
          {data.status === "open" ? t("coordination.statusOpen") : t("coordination.statusClosed")}
        </Descriptions.Item>
        <Descriptions.Item label={t("coordination.description")} span={2}>
          {data.description || "—"}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t("coordination.tasks")}>
        <TasksTable tasks={data.tasks} onChange={reload} />
      </Card>
      {manage && data.status === "open" ? (
        <Card size="small" title={t("coordination.addTask")}>
          <SubmitErrorAlert {...addTask.alert} />
          <Form form={form} layout="inline" onFinish={(values) => void addTask.submit(values)}>
            <Form.Item name="departmentCode" rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                placeholder={t("coordination.department")}
                options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
              />
            </Form.Item>
            <Form.Item name="description" rules={[{ required: true }]}>
              <Input style={{ width: 300 }} placeholder={t("coordination.task")} />
            </Form.Item>
            <Form.Item name="workingDays" rules={[{ required: true }]}>
              <InputNumber min={1} max={60} placeholder={t("coordination.workingDays")} />
            </Form.Item>
            <Button htmlType="submit" loading={addTask.saving}>
              {t("coordination.addTask")}
            </Button>
          </Form>
          <SubmitErrorAlert {...close.alert} />
          <Button style={{ marginTop: 12 }} onClick={() => void close.submit(null)} loading={close.saving}>
            {t("coordination.closeCase")}
          </Button>
        </Card>
      ) : null}
    </Space>
  );
}
