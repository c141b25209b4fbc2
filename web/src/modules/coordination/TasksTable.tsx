// The tasks of a joint case or a meeting: department, what to do, deadline, working days left, escalation, and for
// the task's department (or a programme admin) the button that completes it with an answer.
import { useState } from "react";
import { Button, Input, Space, Table, Tag, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { DueDate } from "../../components/DueDate";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { WorkingDaysLeft } from "./WorkingDaysLeft";

export type JointTask = ApiResponse<"/coordination/cases/{id}">["tasks"][number];

/** A table of joint tasks; the server says per task whether the caller may complete it (`mayComplete`). */
export function TasksTable({ tasks, onChange }: { tasks: JointTask[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { submit, alert, saving } = useSubmit(null, async (task: JointTask, key: string) => {
    await apiPost(`/coordination/tasks/${task.id}/complete`, { answer: answers[task.id] ?? "" }, key);
    onChange();
  });
  return (
    <>
      <SubmitErrorAlert {...alert} />
      <Table<JointTask>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={tasks}
        data-testid="joint-tasks"
        expandable={{
          expandedRowRender: (task) => (
            <Timeline
              items={task.history.map((step, index) => ({
                key: String(index),
                content: `${step.on} ${step.note || step.kind} (${step.username})`,
              }))}
            />
          ),
        }}
        columns={[
          { title: t("coordination.department"), dataIndex: "departmentName" },
          { title: t("coordination.task"), dataIndex: "description" },
          { title: t("coordination.startedOn"), dataIndex: "startedOn" },
          { title: t("coordination.workingDays"), dataIndex: "workingDays" },
          { title: t("coordination.due"), dataIndex: "dueOn", render: (date: string) => <DueDate date={date} /> },
          {
            title: t("coordination.left"),
            render: (_: unknown, task) => <WorkingDaysLeft days={task.workingDaysLeft} done={task.status === "done"} />,
          },
          {
            title: t("coordination.escalation"),
            dataIndex: "escalation",
            render: (step: string) =>
              step === "none" ? "—" : <Tag color="volcano">{t(`coordination.escalations.${step}`)}</Tag>,
          },
          {
            title: t("coordination.answer"),
            render: (_: unknown, task) =>
              task.status === "done" ? (
                task.answer
              ) : task.mayComplete ? (
                <Space.Compact>
                  <Input
                    size="small"
                    aria-label={t("coordination.answer")}
                    value={answers[task.id] ?? ""}
                    onChange={(event) => setAnswers({ ...answers, [task.id]: event.target.value })}
                  />
                  <Button size="small" loading={saving} onClick={() => void submit(task)}>
                    {t("coordination.complete")}
                  </Button>
                </Space.Compact>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </>
  );
}
