// The dashboard's body, shared by the staff page and the public page: the five goals as tabs, each with its
// indicators in a table (city value, status), and the charts of the indicator picked.
import { useState } from "react";
import { Button, Space, Table, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { IndicatorCharts } from "./IndicatorCharts";
import { formatFigure, type Dashboard, type DashboardIndicator } from "./format";

/** Goals as tabs; a table of each goal's indicators; the charts of the chosen one. */
export function DashboardView({
  dashboard,
  onTown,
}: {
  dashboard: Dashboard;
  /** Drill-down to one 镇区 (staff view); absent on the public page. */
  onTown?: (townCode: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // First shown: an indicator with a trend and figures per town when there is one, so every chart has something.
  const available = dashboard.indicators.filter((indicator) => indicator.status === "available");
  const firstAvailable =
    available.find((indicator) => indicator.monthly?.length && indicator.towns.length) ?? available[0];
  const [goal, setGoal] = useState<string>(firstAvailable?.goal ?? dashboard.goals[0]?.goal ?? "livelihood");
  const [chosenId, setChosenId] = useState<string | null>(firstAvailable?.id ?? null);
  const inGoal = dashboard.indicators.filter((indicator) => indicator.goal === goal);
  const chosen =
    inGoal.find((indicator) => indicator.id === chosenId && indicator.status === "available") ??
    inGoal.find((indicator) => indicator.status === "available");
  const titleOf = (indicator: DashboardIndicator) => (language === "en" ? indicator.title.en : indicator.title.zh);

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Tabs
        activeKey={goal}
        onChange={setGoal}
        data-testid="insight-goals"
        items={dashboard.goals.map((item) => ({
          key: item.goal,
          label: language === "en" ? item.title.en : item.title.zh,
        }))}
      />
      <Table<DashboardIndicator>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={inGoal}
        data-testid="insight-indicators"
        rowClassName={(indicator) => (indicator.id === chosen?.id ? "ant-table-row-selected" : "")}
        columns={[
          { title: t("insight.indicator"), key: "title", render: (_, indicator) => titleOf(indicator) },
          {
            title: t("insight.cityValue"),
            key: "city",
            align: "right",
            render: (_, indicator) =>
              indicator.status === "available" ? (
                <span data-testid={`insight-value-${indicator.id}`}>
                  {formatFigure(indicator.city, indicator.unit, language)}
                </span>
              ) : (
                "—"
              ),
          },
          {
            title: t("insight.unit"),
            dataIndex: "unit",
            render: (unit: string) => t(`insight.units.${unit}`, { defaultValue: unit }),
          },
          {
            title: t("insight.status"),
            dataIndex: "status",
            render: (status: string) => (
              <Tag color={status === "available" ? "green" : undefined}>{t(`insight.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: "",
            key: "show",
            render: (_, indicator) =>
              indicator.status === "available" ? (
                <Button
                  size="small"
                  type={indicator.id === chosen?.id ? "primary" : "default"}
                  onClick={() => setChosenId(indicator.id)}
                  aria-label={`${t("insight.select")} ${titleOf(indicator)}`}
                >
                  {t("insight.select")}
                </Button>
              ) : null,
          },
        ]}
      />
      {chosen ? (
        <>
          <Typography.Title level={4} data-testid="insight-chosen">
            {t("insight.selected", { title: titleOf(chosen) })}
          </Typography.Title>
          <IndicatorCharts indicator={chosen} onTown={onTown} />
        </>
      ) : null}
    </Space>
  );
}
