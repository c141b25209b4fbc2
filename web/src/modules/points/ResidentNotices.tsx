import { Card, List, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { usePointsLabels } from "./usePointsLabels";

type Notifications = ApiResponse<"/me/notifications">;
type Objections = ApiResponse<"/publicity/objections">;

/** Opens a notification's link: an API path is a download (the notice PDF), anything else a page of the app. */
function linkHref(link: string): string {
  return link.startsWith("/api/v1/") ? apiUrl(link.slice("/api/v1".length)) : link;
}

/**
 * What the services told the resident (站内通知): objection answers, the final list with the notice to download.
 * Read from the server, newest first.
 */
export function NotificationsCard() {
  const { t } = useTranslation();
  const { data } = useApiQuery<Notifications>("/me/notifications");
  return (
    <Card size="small" title={t("points.notifications")}>
      <List
        size="small"
        data-testid="me-notifications"
        locale={{ emptyText: t("points.noNotifications") }}
        dataSource={data?.items ?? []}
        renderItem={(item) => (
          <List.Item
            extra={
              item.link ? (
                // Underlined: beside the notice's text a link told apart by its colour alone fails WCAG 1.4.1 (axe).
                <a
                  href={linkHref(item.link)}
                  style={{ textDecoration: "underline" }}
                  data-testid="me-notification-link"
                >
                  {t("points.openLink")}
                </a>
              ) : null
            }
          >
            <Typography.Text type="secondary">{item.at.slice(0, 10)}</Typography.Text> {item.text}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The objections the resident raised, with what they contest, where they stand and the written answer. */
export function MyObjectionsCard() {
  const { t } = useTranslation();
  const { factLabel } = usePointsLabels();
  const { data } = useApiQuery<Objections>("/publicity/objections");
  if (!data || data.items.length === 0) return null;
  return (
    <Card size="small" title={t("points.myObjections")}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="me-objections"
        dataSource={data.items}
        columns={[
          { title: t("points.date"), dataIndex: "raisedOn" },
          {
            title: t("points.whose"),
            key: "entry",
            render: (_: unknown, item: Objections["items"][number]) =>
              `${item.listTitle ?? ""}${item.rank ? ` · ${t("points.rankIs", { rank: item.rank })}` : ""} ${item.maskedName ?? ""}`,
          },
          {
            title: t("points.indicator"),
            dataIndex: "indicator",
            render: (code: string | null) => factLabel(code) || "—",
          },
          {
            title: t("points.status"),
            dataIndex: "status",
            render: (status: string) => (
              <Tag color={status === "upheld" ? "green" : status === "rejected" ? "default" : "blue"}>
                {t(`points.objectionStatus.${status}`)}
              </Tag>
            ),
          },
          { title: t("points.answer"), dataIndex: "answer", render: (answer: string | null) => answer ?? "—" },
        ]}
      />
    </Card>
  );
}
