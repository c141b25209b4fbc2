// Joint cases (联办案件): the list with their tasks' state, and for programme admins the form that opens one with a
// task per co-department, and the button that runs the overdue escalation at once.
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useDepartments, useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";

type Cases = ApiResponse<"/coordination/cases">;
type JointCase = Cases["items"][number];
type CaseBody = ApiBody<"/coordination/cases", "post">;

/** The joint-case list and, for programme admins, the opening form. */
export function CasesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Cases>("/coordination/cases");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("coordination.casesTitle")}</Typography.Title>
      {can("coordination.cases.manage") ? <EscalateButton onDone={reload} /> : null}
      <Table<JointCase>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="joint-cases"
        columns={[
          {
            title: t("coordination.number"),
            dataIndex: "number",
            render: (number: string, record) => <Link to={`/console/coordination/cases/${record.id}`}>{number}</Link>,
          },
          {
            title: t("coordination.title"),
            dataIndex: "title",
            render: (title: string, record) => (
              <>
                {title} {record.synthetic ? <Tag>{t("coordination.synthetic")}</Tag> : null}
              </>
            ),
          },
          { title: t("coordination.lead"), dataIndex: "leadDepartmentName" },
          {
            title: t("coordination.town"),
            dataIndex: "townCode",
            render: (code: string | null) => townLabel(code) || "—",
          },
          { title: t("coordination.openedOn"), dataIndex: "openedOn" },
          {
            title: t("coordination.tasks"),
            render: (_: unknown, record) => {
              const open = record.tasks.filter((task) => task.status === "open");
              const overdue = open.filter((task) => task.workingDaysLeft < 0).length;
              return (
                <>
                  {record.tasks.length - open.length}/{record.tasks.length}
                  {overdue > 0 ? <Tag color="red">{t("coordination.overdueBy", { count: overdue })}</Tag> : null}
                </>
              );
            },
          },
          {
            title: t("coordination.status"),
            dataIndex: "status",
            render: (status: string) =>
              status === "open" ? (
                <Tag color="blue">{t("coordination.statusOpen")}</Tag>
              ) : (
                <Tag color="green">{t("coordination.statusClosed")}</Tag>
              ),
          },
        ]}
      />
      {can("coordination.cases.manage") ? <NewCaseForm /> : null}
    </Space>
  );
}

function EscalateButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { submit, alert, saving } = useSubmit(null, async (_: null, key: string) => {
    await apiPost("/coordination/escalations", undefined, key);
    onDone();
  });
  return (
    <Space>
      <Button loading={saving} onClick={() => void submit(null)}>
        {t("coordination.runEscalation")}
      </Button>
      <SubmitErrorAlert {...alert} />
    </Space>
  );
}

function NewCaseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CaseBody>();
  const departments = useDepartments();
  const towns = useTowns();
  const departmentOptions = departments.items.map((item) => ({ value: item.code, label: item.name }));
  const { submit, alert, saving } = useSubmit(form, async (values: CaseBody, key: string) => {
    const created = await apiPost<JointCase>("/coordination/cases", values, key);
    navigate(`/console/coordination/cases/${created.id}`);
  });
  return (
    <Card size="small" title={t("coordination.newCase")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ tasks: [{}] }}>
        <Form.Item name="title" label={t("coordination.title")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("coordination.description")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="leadDepartment" label={t("coordination.lead")} rules={[{ required: true }]}>
            <Select style={{ width: 240 }} options={departmentOptions} />
          </Form.Item>
          <Form.Item name="townCode" label={t("coordination.town")}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline">
                  <Form.Item name={[field.name, "departmentCode"]} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 220 }}
                      placeholder={t("coordination.department")}
                      options={departmentOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "description"]} rules={[{ required: true }]}>
                    <Input style={{ width: 320 }} placeholder={t("coordination.task")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "workingDays"]} rules={[{ required: true }]}>
                    <InputNumber min={1} max={60} placeholder={t("coordination.workingDays")} />
                  </Form.Item>
                  {fields.length > 1 ? <Button onClick={() => remove(field.name)}>−</Button> : null}
                </Space>
              ))}
              <Button onClick={() => add({})}>{t("coordination.addTask")}</Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }}>
          {t("coordination.newCase")}
        </Button>
      </Form>
    </Card>
  );
}
