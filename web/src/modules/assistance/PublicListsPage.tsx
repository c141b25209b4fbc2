import { useState } from "react";
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import type { PublicityEntry, PublicityList } from "../../api/types";
import "./text.lists";
import { ProvisionalTag } from "../../components/DueDate";
import { publicityListLabel, publicityListState, publicityStateColor } from "../../components/publicityLists";

/** Shows a yuan amount with its fen ("976.00"); other values as they are. */
function yuan(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  return /^-?\d+(\.\d{1,2})?$/.test(text)
    ? text.includes(".")
      ? text.padEnd(text.indexOf(".") + 3, "0")
      : `${text}.00`
    : text;
}

/** The public (no login) assistance lists: the 7-working-day community publicity and the approved lists, masked. */
export function PublicListsPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const lists = useApiQuery<{ items: PublicityList[] }>("/public/publicity/lists", { kind: "assistance." });
  const [chosen, setChosen] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const list = lists.data?.items.find((item) => item.id === chosen) ?? lists.data?.items[0];
  const entries = useApiQuery<{ items: PublicityEntry[]; total: number }>(
    list ? `/public/publicity/lists/${list.id}/entries` : null,
    { q, page, pageSize: 50 },
  );
  if (lists.error) return <ErrorResult error={lists.error} onRetry={lists.reload} />;

  return (
    <Space orientation="vertical" size="middle" className="page-stack" data-testid="assistance-lists-page">
      <Typography.Title level={4}>{t("nav.assistanceLists")}</Typography.Title>
      <Select
        style={{ width: 420, maxWidth: "100%" }}
        value={list?.id}
        loading={lists.loading}
        aria-label={t("assistance.lists.choose")}
        showSearch={{ optionFilterProp: "label" }}
        notFoundContent={t("assistance.lists.none")}
        onChange={(id) => {
          setChosen(id);
          setPage(1);
        }}
        data-testid="assistance-list-select"
        options={(lists.data?.items ?? []).map((item) => ({
          value: item.id,
          label: publicityListLabel(item, townLabel, t("assistance.lists.version")),
        }))}
      />
      {list ? (
        <Card
          size="small"
          title={list.title}
          extra={
            <Space>
              <Button href={apiUrl(`/public/publicity/lists/${list.id}/export/xlsx`)}>
                {t("assistance.lists.exportXlsx")}
              </Button>
              <Button href={apiUrl(`/public/publicity/lists/${list.id}/export/pdf`)}>
                {t("assistance.lists.exportPdf")}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph>
            <Tag color={publicityStateColor[publicityListState(list)]} data-testid="assistance-list-state">
              {t(`assistance.lists.status.${publicityListState(list)}`)}
            </Tag>{" "}
            {list.townCode ? `${townLabel(list.townCode)} · ` : null}
            {t("assistance.lists.period", { days: list.workingDays, start: list.startDate, end: list.endDate })}
            <ProvisionalTag date={list.endDate} />
          </Typography.Paragraph>
          <Input.Search
            placeholder={t("assistance.lists.search")}
            allowClear
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            style={{ width: 260, marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey="id"
            dataSource={entries.data?.items ?? []}
            loading={entries.loading}
            data-testid="assistance-list-entries"
            pagination={{ current: page, pageSize: 50, total: entries.data?.total ?? 0, onChange: setPage }}
            columns={[
              { title: t("assistance.name"), dataIndex: "maskedName" },
              { title: t("assistance.idNumber"), dataIndex: "maskedIdNumber" },
              {
                title: t("assistance.town"),
                dataIndex: "townCode",
                render: (code: string | null) => (code ? townLabel(code) : "—"),
              },
              {
                title: t("assistance.lists.members"),
                key: "members",
                render: (_: unknown, entry: PublicityEntry) => entry.values.members ?? "—",
              },
              ...(list.kind === "assistance.case"
                ? [
                    {
                      title: t("assistance.householdIncome"),
                      key: "income",
                      render: (_: unknown, entry: PublicityEntry) => yuan(entry.values.income),
                    },
                  ]
                : []),
              {
                title: t("assistance.amount"),
                key: "amount",
                render: (_: unknown, entry: PublicityEntry) => yuan(entry.values.amount),
              },
            ]}
          />
        </Card>
      ) : lists.loading ? null : (
        <Empty description={t("assistance.lists.none")} />
      )}
    </Space>
  );
}
