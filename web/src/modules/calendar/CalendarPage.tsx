// Staff see which years of the working-day calendar are official and which provisional, and, after an official
// notice was imported, every open deadline (in their 镇区) whose date the notice changes — to act on, not moved.
import { Alert, Card, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCalendarYears } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { localText } from "../../i18n/bilingual";

/** The open deadlines an imported notice changes (GET /calendar/deadline-changes). */
type DeadlineChanges = ApiResponse<"/calendar/deadline-changes">;

/** The calendar page of the console. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const years = useCalendarYears();
  const changes = useApiQuery<DeadlineChanges>("/calendar/deadline-changes");
  if (changes.error) return <ErrorResult error={changes.error} onRetry={changes.reload} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3}>{t("calendar.title")}</Typography.Title>
      <Card size="small" title={t("calendar.years")}>
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          loading={years.loading}
          dataSource={years.items}
          data-testid="calendar-years"
          columns={[
            { title: t("calendar.year"), dataIndex: "year" },
            {
              title: t("calendar.status"),
              dataIndex: "provisional",
              render: (provisional: boolean) =>
                provisional ? (
                  <Tag color="gold">{t("calendar.provisional")}</Tag>
                ) : (
                  <Tag color="green">{t("calendar.official")}</Tag>
                ),
            },
            {
              title: t("calendar.source"),
              dataIndex: "source",
              // "<notice>; imported from npm chinese-days 1.5.7": the notice in the user's language; where the data
              // was imported from is a tooltip (an administrator's question, not an officer's).
              render: (source: string) => {
                const [notice = "", origin] = source.split("; imported from ");
                const text = chineseBrackets(localText(notice, i18n.language), i18n.language);
                return origin ? <span title={t("calendar.importedFrom", { origin })}>{text}</span> : text;
              },
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("calendar.provisionalExplained")}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t("calendar.changes")}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("calendar.changesExplained")} />
        <Table
          size="small"
          rowKey={(row) => `${row.year}-${row.kind}-${row.entityId}`}
          loading={changes.loading}
          dataSource={changes.data?.items ?? []}
          data-testid="calendar-changes"
          locale={{ emptyText: t("calendar.noChanges") }}
          columns={[
            { title: t("calendar.noticeYear"), dataIndex: "year" },
            { title: t("calendar.deadline"), dataIndex: "label" },
            { title: t("calendar.reference"), dataIndex: "reference" },
            {
              title: t("calendar.town"),
              dataIndex: "townCode",
              render: (code: string | null) => (code ? townLabel(code) : "—"),
            },
            { title: t("calendar.storedDue"), dataIndex: "dueOn" },
            { title: t("calendar.officialDue"), dataIndex: "recomputedOn", render: (value: string) => <b>{value}</b> },
          ]}
        />
      </Card>
    </Space>
  );
}

/** "…通知 (国办发明电〔2024〕12号)" in Chinese reads "…通知（国办发明电〔2024〕12号）". */
function chineseBrackets(text: string, language: string): string {
  return language.startsWith("en") ? text : text.replace(/ \(([^()]*[\u3400-\u9fff〔][^()]*)\)$/u, "（$1）");
}
