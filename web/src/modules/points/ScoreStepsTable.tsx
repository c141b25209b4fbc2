import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ScoreStep } from "./types";

/** The explained steps of a score that gave points (not the totals): indicator, points and clause — the self-check's table. */
export function ScoreStepsTable({ steps, testId }: { steps: readonly ScoreStep[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(step) => step.indicator}
      data-testid={testId}
      locale={{ emptyText: t("points.breakdownEmpty") }}
      dataSource={steps.filter(
        (step) => step.points !== 0 && step.indicator !== "total" && !step.indicator.startsWith("subscore"),
      )}
      columns={[
        {
          title: t("points.indicator"),
          key: "indicator",
          render: (_: unknown, step: ScoreStep) => (english && step.en ? step.en : step.zh),
        },
        { title: t("points.points"), dataIndex: "points", align: "right" },
        {
          title: t("points.clause"),
          dataIndex: "reference",
          render: (reference: unknown, step: ScoreStep) => (
            <span title={typeof step.rule === "string" ? step.rule : undefined}>
              {typeof reference === "string" ? reference : ""}
            </span>
          ),
        },
      ]}
    />
  );
}
