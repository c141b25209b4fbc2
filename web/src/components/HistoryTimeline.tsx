import { useState } from "react";
import { Alert, Button, Checkbox, Empty, Skeleton, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { listItems } from "../api/client";
import type { HistoryEntry } from "../api/types";
import { useApiQuery } from "../api/useApiQuery";
import { AuditDetails } from "./AuditDetails";
import { describeError } from "./ErrorResult";

const firstShown = 20;

/** The audit entries of one record (`…/:id/history`) as sentences, newest first; views of the record are hidden unless asked for. */
export function HistoryTimeline({ path, refreshKey }: { path: string; refreshKey?: number }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  const { data, error, loading } = useApiQuery<{ items: HistoryEntry[] }>(path, undefined, refreshKey);
  const [withReads, setWithReads] = useState(false);
  const [showAll, setShowAll] = useState(false);
  if (loading && !data) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={describeError(error, t)} />;
  const all = listItems(data);
  const entries = withReads ? all : all.filter((entry) => !isReadAction(entry.action));
  const shown = showAll ? entries : entries.slice(0, firstShown);
  return (
    <Space orientation="vertical" className="page-stack">
      <Checkbox
        checked={withReads}
        onChange={(event) => setWithReads(event.target.checked)}
        data-testid="history-with-reads"
      >
        {t("history.withReads", { count: all.filter((entry) => isReadAction(entry.action)).length })}
      </Checkbox>
      {shown.length === 0 ? (
        <Empty description={t("history.empty")} />
      ) : (
        <Timeline
          data-testid="history-timeline"
          items={shown.map((entry) => ({
            key: String(entry.position),
            content: (
              <div>
                <Typography.Text data-testid="history-summary">
                  {english ? entry.summary.en : entry.summary.zh}
                </Typography.Text>
                <AuditDetails entry={entry} />
              </div>
            ),
          }))}
        />
      )}
      {entries.length > shown.length ? (
        <Button type="link" onClick={() => setShowAll(true)}>
          {t("history.showAll", { count: entries.length })}
        </Button>
      ) : null}
    </Space>
  );
}

/** Reads of a record (a staff member opening it, an admin's ID-number lookup) are hidden unless asked for. */
function isReadAction(action: string): boolean {
  return action.endsWith(".read") || action.endsWith(".lookup");
}
