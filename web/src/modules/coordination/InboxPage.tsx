// 「我的待办」: one inbox per officer across modules — each task with its deadline (暂定 when the year is provisional),
// the working days left, its history and a link to the item in its module.
import { Alert, Space, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { DueDate } from "../../components/DueDate";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { localText } from "../../i18n/bilingual";
import { WorkingDaysLeft } from "./WorkingDaysLeft";

type Inbox = ApiResponse<"/inbox">;
type InboxTask = Inbox["items"][number];

/** The caller's inbox (GET /inbox). */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const local = (text: string) => localText(text, i18n.language);
  const { data, error, loading, reload } = useApiQuery<Inbox>("/inbox");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const moduleName = (name: string) => t(`coordination.moduleNames.${name}`, { defaultValue: name });
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("coordination.inboxTitle")}</Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t("coordination.inboxIntro")}
        description={t("coordination.inboxModules", { modules: (data?.modules ?? []).map(moduleName).join("、") })}
      />
      <Table<InboxTask>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="inbox-tasks"
        locale={{ emptyText: t("coordination.empty") }}
        expandable={{
          expandedRowRender: (task) => (
            <Timeline
              items={task.history.map((step, index) => ({
                key: String(index),
                content: `${step.on} ${local(step.label)}`,
              }))}
            />
          ),
          rowExpandable: (task) => task.history.length > 0,
        }}
        columns={[
          {
            title: t("coordination.module"),
            dataIndex: "module",
            render: (name: string) => <Tag data-testid="inbox-module">{moduleName(name)}</Tag>,
          },
          { title: t("coordination.task"), dataIndex: "label", render: (label: string) => local(label) },
          {
            title: t("coordination.reference"),
            dataIndex: "reference",
            render: (reference: string, task) => {
              // Whose item it is, then what it is: "张三：住房公积金缴交月数".
              const text = task.subject ? `${task.subject}：${local(reference)}` : local(reference);
              return task.link ? <Link to={task.link}>{text}</Link> : text;
            },
          },
          {
            title: t("coordination.town"),
            dataIndex: "townCode",
            render: (code: string | null) =>
              code ? <span style={{ whiteSpace: "nowrap" }}>{townLabel(code)}</span> : "—",
          },
          { title: t("coordination.due"), dataIndex: "dueOn", render: (date: string) => <DueDate date={date} /> },
          {
            title: t("coordination.left"),
            dataIndex: "workingDaysLeft",
            render: (days: number) => <WorkingDaysLeft days={days} />,
          },
        ]}
      />
    </Space>
  );
}
