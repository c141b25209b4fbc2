import { Progress, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Job } from "./useJob";

/** A job's progress bar: its title and state, the stage it is in, and the percentage done. */
export function JobProgress({ job, testId }: { job: Job | null; testId: string }) {
  const { t } = useTranslation();
  if (!job) return null;
  const status = job.status === "failed" ? "exception" : job.status === "succeeded" ? "success" : "active";
  return (
    <Space
      orientation="vertical"
      size={0}
      style={{ width: "100%", maxWidth: 480 }}
      data-testid={testId}
      data-status={job.status}
    >
      <Typography.Text type="secondary">
        {t("jobs.progress", { title: job.title, status: t(`jobs.status.${job.status}`) })}
        {job.progress.label && job.status === "running" ? ` · ${job.progress.label}` : ""}
        {job.attempts > 1 ? ` · ${t("jobs.attempt", { attempt: job.attempts })}` : ""}
      </Typography.Text>
      <Progress percent={job.progress.percent} status={status} size="small" aria-label={job.title} />
    </Space>
  );
}
