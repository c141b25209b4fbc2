// The three charts of one indicator (ECharts): monthly trend, comparison of towns, distribution across towns;
// each with its table underneath, so every figure drawn can also be read.
import { useEffect, useRef } from "react";
import { Button, Card, Col, Empty, Row, Table, Typography } from "antd";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { useTownLabel } from "../../components/useTownLabel";
import { chartValue, formatFigure, summable, type DashboardIndicator } from "./format";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts canvas with the given option, resized with the window and disposed on unmount. */
function Chart({
  option,
  testId,
  label,
  onPick,
}: {
  option: echarts.EChartsCoreOption;
  testId: string;
  label: string;
  /** Called with the index of the bar or slice clicked. */
  onPick?: (index: number) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const serialized = JSON.stringify(option);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(JSON.parse(serialized) as echarts.EChartsCoreOption);
    chart.on("click", (params) => pick.current?.(params.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [serialized]);
  return (
    <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: 260 }} data-testid={testId} />
  );
}

/** Trend, comparison and distribution of one indicator, each chart with its table. */
export function IndicatorCharts({
  indicator,
  onTown,
}: {
  indicator: DashboardIndicator;
  /** Drill-down: called with the 镇区 clicked in the comparison (staff view). */
  onTown?: (townCode: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const language = i18n.language;
  const title = language === "en" ? indicator.title.en : indicator.title.zh;
  const unitLabel = t(`insight.units.${indicator.unit}`, { defaultValue: indicator.unit });
  const monthLabel = (month: number) => t("insight.monthLabel", { month });
  const figure = (value: number | string | null) => formatFigure(value, indicator.unit, language);
  const monthly = indicator.monthly ?? [];
  const towns = indicator.towns;
  const shareable = summable(indicator.unit) && towns.some((row) => typeof row.value === "number" && row.value > 0);

  const trendOption = {
    tooltip: { trigger: "axis" },
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    xAxis: { type: "category", data: monthly.map((row) => monthLabel(row.month)) },
    yAxis: { type: "value", name: unitLabel },
    series: [
      { name: title, type: "line", smooth: true, data: monthly.map((row) => chartValue(row.value, indicator.unit)) },
    ],
  };
  const comparisonOption = {
    tooltip: { trigger: "axis" },
    grid: { left: 70, right: 20, top: 30, bottom: 70 },
    xAxis: { type: "category", data: towns.map((row) => townLabel(row.townCode)), axisLabel: { rotate: 45 } },
    yAxis: { type: "value", name: unitLabel },
    series: [{ name: title, type: "bar", data: towns.map((row) => chartValue(row.value, indicator.unit)) }],
  };
  const distributionOption = {
    tooltip: { trigger: "item" },
    series: [
      {
        name: title,
        type: "pie",
        radius: ["35%", "70%"],
        data: towns
          .filter((row) => typeof row.value === "number" && row.value > 0)
          .map((row) => ({ name: townLabel(row.townCode), value: chartValue(row.value, indicator.unit) })),
      },
    ],
  };

  return (
    <Row gutter={[16, 16]} data-testid="insight-charts">
      <Col xs={24} xl={12}>
        <Card size="small" title={t("insight.trend")}>
          {monthly.length === 0 ? (
            <Empty description={t("insight.noTrend")} />
          ) : (
            <>
              <Chart option={trendOption} testId="insight-chart-trend" label={`${title} · ${t("insight.trend")}`} />
              <Table
                size="small"
                rowKey="month"
                pagination={false}
                scroll={{ x: true }}
                dataSource={monthly}
                columns={[
                  { title: t("insight.monthColumn"), dataIndex: "month", render: monthLabel },
                  { title: `${t("insight.value")} (${unitLabel})`, dataIndex: "value", render: figure },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("insight.comparison")}>
          {towns.length === 0 ? (
            <Empty description={t("insight.noTowns")} />
          ) : (
            <>
              <Chart
                option={comparisonOption}
                testId="insight-chart-comparison"
                label={`${title} · ${t("insight.comparison")}`}
                onPick={onTown ? (index) => towns[index] && onTown(towns[index].townCode) : undefined}
              />
              <Table
                size="small"
                rowKey="townCode"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={towns}
                data-testid="insight-town-table"
                columns={[
                  {
                    title: t("insight.town"),
                    dataIndex: "townCode",
                    render: (code: string) =>
                      onTown ? (
                        <Button type="link" size="small" onClick={() => onTown(code)} data-testid="insight-drill">
                          {townLabel(code)}
                        </Button>
                      ) : (
                        townLabel(code)
                      ),
                  },
                  { title: `${t("insight.value")} (${unitLabel})`, dataIndex: "value", render: figure },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t("insight.distribution")}>
          {shareable ? (
            <Chart
              option={distributionOption}
              testId="insight-chart-distribution"
              label={`${title} · ${t("insight.distribution")}`}
            />
          ) : (
            <Typography.Text type="secondary">
              {!summable(indicator.unit)
                ? t("insight.distributionNotSummable")
                : towns.length > 0
                  ? t("insight.allSuppressed")
                  : t("insight.noTowns")}
            </Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
