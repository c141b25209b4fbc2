import { Alert, Empty, Skeleton, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { listItems } from "../api/client";
import type { AuditEntry, Page } from "../api/types";
import { useApiQuery } from "../api/useApiQuery";
import { AuditDetails } from "./AuditDetails";
import { describeError } from "./ErrorResult";
import { formatTime } from "./formatTime";

/** The audit entries of one record (`…/:id/history`), newest first, as a timeline. */
export function HistoryTimeline({ path, refreshKey }: { path: string; refreshKey?: number }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApiQuery<Page<AuditEntry> | AuditEntry[]>(path, undefined, refreshKey);
  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={describeError(error, t)} />;
  const entries = listItems(data);
  if (entries.length === 0) return <Empty description={t("history.empty")} />;
  return (
    <Timeline
      data-testid="history-timeline"
      items={entries.map((entry) => ({
        key: String(entry.position),
        title: formatTime(entry.at),
        content: (
          <div>
            <Typography.Text strong>{t(`auditAction.${entry.action}`, { defaultValue: entry.action })}</Typography.Text>
            <Typography.Text type="secondary"> · {entry.actorUsername ?? t("audit.system")}</Typography.Text>
            <AuditDetails entry={entry} />
          </div>
        ),
      }))}
    />
  );
}
