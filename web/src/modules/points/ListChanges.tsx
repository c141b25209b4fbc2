import { Card, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { usePointsLabels } from "./usePointsLabels";

/** What changed in an entry since the previous version (GET /public/publicity/lists/{id}/differences). */
type Differences = ApiResponse<"/public/publicity/lists/{id}/differences">;
type Difference = Differences["items"][number];

/** The answered and pending objections of a list (GET /public/publicity/lists/{id}/objections). */
type ObjectionOutcomes = ApiResponse<"/public/publicity/lists/{id}/objections">;

const show = (side: Difference["before"], key: string): string => {
  if (!side) return "—";
  const value = key === "rank" ? side.rank : side.values[key];
  return value === null || value === undefined ? "—" : String(value);
};

/** What changed since the previous version of a published list, and the answered objections (both masked). */
export function ListChanges({
  listId,
  version,
  columns,
}: {
  listId: string;
  version: number;
  columns: { key: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  const { factLabel } = usePointsLabels();
  const differences = useApiQuery<Differences>(version > 1 ? `/public/publicity/lists/${listId}/differences` : null);
  const objections = useApiQuery<ObjectionOutcomes>(`/public/publicity/lists/${listId}/objections`);
  const changes = differences.data?.items ?? [];
  const outcomes = objections.data?.items ?? [];
  if (changes.length === 0 && outcomes.length === 0) return null;
  return (
    <>
      {changes.length > 0 ? (
        <Card
          size="small"
          title={english ? `Changes since version ${version - 1}` : `与第 ${version - 1} 版相比的变化`}
          data-testid="points-list-differences"
        >
          <Table
            size="small"
            rowKey="maskedName"
            pagination={false}
            dataSource={changes}
            columns={[
              { title: t("points.name"), dataIndex: "maskedName" },
              ...["rank", ...new Set(changes.flatMap((change) => change.changed.filter((key) => key !== "rank")))].map(
                (key) => ({
                  title:
                    key === "rank" ? t("points.rank") : (columns.find((column) => column.key === key)?.label ?? key),
                  key,
                  render: (_: unknown, change: Difference) =>
                    change.changed.includes(key) ? (
                      <span>
                        {show(change.before, key)} → <b>{show(change.after, key)}</b>
                      </span>
                    ) : (
                      show(change.after, key)
                    ),
                }),
              ),
            ]}
          />
        </Card>
      ) : null}
      {outcomes.length > 0 ? (
        <Card
          size="small"
          title={english ? "Objections answered" : "异议处理结果"}
          data-testid="points-list-objections"
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={outcomes}
            columns={[
              { title: t("points.rank"), dataIndex: "rank", render: (rank: number | null) => rank ?? "—" },
              { title: t("points.name"), dataIndex: "maskedName" },
              {
                title: english ? "Indicator" : "异议指标",
                dataIndex: "indicator",
                render: (code: string) => factLabel(code),
              },
              {
                title: english ? "Outcome" : "处理结果",
                dataIndex: "status",
                render: (status: ObjectionOutcomes["items"][number]["status"]) =>
                  status === "upheld" ? (
                    <Tag color="orange">{english ? "Upheld" : "异议成立"}</Tag>
                  ) : (
                    <Tag>{english ? "Rejected" : "异议不成立"}</Tag>
                  ),
              },
              { title: english ? "Answer" : "答复", dataIndex: "answer" },
              { title: english ? "Answered on" : "答复日期", dataIndex: "answeredOn" },
            ]}
          />
          {objections.data?.pending ? (
            <Typography.Text type="secondary">
              {english
                ? `${objections.data.pending} objection(s) still being checked.`
                : `另有 ${objections.data.pending} 件异议正在核查。`}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
