import { useState } from "react";
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { ListChanges } from "./ListChanges";
import { ObjectionModal } from "./ObjectionModal";
import type { PublicityEntry, PublicityList } from "../../api/types";
import { ProvisionalTag } from "../../components/DueDate";
import { publicityListLabel, publicityListState, publicityStateColor } from "../../components/publicityLists";

/** The published points lists (masked): choose a list, search it, export XLSX or PDF. */
/** The columns a points list stores (src/modules/points/commands/ranking.ts), labelled by this page in English. */
const pointsColumns = new Set(["total", "grade", "result"]);

export function ListsPage() {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const lists = useApiQuery<{ items: PublicityList[] }>("/public/publicity/lists", { kind: "points." });
  const [chosen, setChosen] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [objecting, setObjecting] = useState<PublicityEntry | null>(null);
  const { can } = useSession();
  const list = lists.data?.items.find((item) => item.id === chosen) ?? lists.data?.items[0];
  const entries = useApiQuery<{ items: PublicityEntry[]; total: number }>(
    list ? `/public/publicity/lists/${list.id}/entries` : null,
    { q, page, pageSize: 50 },
  );
  if (lists.error) return <ErrorResult error={lists.error} onRetry={lists.reload} />;

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("nav.lists")}</Typography.Title>
      <Select
        style={{ width: 420, maxWidth: "100%" }}
        value={list?.id}
        loading={lists.loading}
        aria-label={t("points.chooseList")}
        showSearch={{ optionFilterProp: "label" }}
        notFoundContent={t("points.noLists")}
        onChange={(id) => {
          setChosen(id);
          setPage(1);
        }}
        data-testid="points-list-select"
        options={(lists.data?.items ?? []).map((item) => ({
          value: item.id,
          label: publicityListLabel(item, townLabel, t("points.version")),
        }))}
      />
      {list ? (
        <Card size="small" title={list.title}>
          <Typography.Paragraph>
            <Tag color={publicityStateColor[publicityListState(list)]} data-testid="points-list-state">
              {t(`points.${publicityListState(list)}`)}
            </Tag>{" "}
            {t("points.period")} {t("points.periodSpan", { days: list.workingDays, start: list.startDate })}{" "}
            <b data-testid="points-list-end">{list.endDate}</b>
            <ProvisionalTag date={list.endDate} />
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 8 }}>
            <Button href={apiUrl(`/public/publicity/lists/${list.id}/export/xlsx`)} data-testid="points-list-xlsx">
              {t("points.exportXlsx")}
            </Button>
            <Button href={apiUrl(`/public/publicity/lists/${list.id}/export/pdf`)} data-testid="points-list-pdf">
              {t("points.exportPdf")}
            </Button>
          </Space>
          <Input.Search
            placeholder={t("points.search")}
            allowClear
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            style={{ width: 260, maxWidth: "100%", marginBottom: 8 }}
            data-testid="points-list-search"
          />
          <Table
            size="small"
            rowKey="id"
            dataSource={entries.data?.items ?? []}
            loading={entries.loading}
            data-testid="points-list-entries"
            scroll={{ x: "max-content" }}
            pagination={{ current: page, pageSize: 50, total: entries.data?.total ?? 0, onChange: setPage }}
            columns={[
              { title: t("points.rank"), dataIndex: "rank", render: (rank: number | null) => rank ?? "—" },
              { title: t("points.name"), dataIndex: "maskedName" },
              { title: t("points.idNumber"), dataIndex: "maskedIdNumber" },
              {
                title: t("points.town"),
                dataIndex: "townCode",
                render: (code: string | null) => (code ? townLabel(code) : t("points.cityWide")),
              },
              ...list.columns.map((column) => ({
                // The list stores its columns' Chinese labels; the points columns have the page's own in English.
                title:
                  i18n.language.startsWith("en") && pointsColumns.has(column.key)
                    ? t(`points.${column.key}`)
                    : column.label,
                key: column.key,
                render: (_: unknown, entry: PublicityEntry) => entry.values[column.key] ?? "",
              })),
              ...(publicityListState(list) === "publicised" && can("publicity.objections.raise")
                ? [
                    {
                      title: "",
                      key: "objection",
                      render: (_: unknown, entry: PublicityEntry) => (
                        <Button size="small" onClick={() => setObjecting(entry)} data-testid="points-list-object">
                          {t("points.objection")}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <ObjectionModal listId={list.id} entry={objecting} onClose={() => setObjecting(null)} />
        </Card>
      ) : lists.loading ? null : (
        <Empty description={t("points.noLists")} data-testid="points-lists-empty" />
      )}
      {list ? <ListChanges key={list.id} listId={list.id} version={list.version} columns={list.columns} /> : null}
    </Space>
  );
}
