// The simulation's charts (ECharts), each with its table underneath so every figure drawn can also be read.
import { useEffect, useRef } from "react";
import { Card, Col, Row, Table } from "antd";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/schema";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Simulation = ApiResponse<"/policies/points/simulations/{id}">;
type Town = Simulation["towns"][number];

/** One ECharts canvas, resized with the window and disposed on unmount. */
function Chart({ option, testId, label }: { option: echarts.EChartsCoreOption; testId: string; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const serialized = JSON.stringify(option);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(JSON.parse(serialized) as echarts.EChartsCoreOption);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [serialized]);
  return (
    <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: 280 }} data-testid={testId} />
  );
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** Who moves per 镇区 (up, down, unchanged) and who is above the threshold before and after, per 镇区. */
export function SimulationCharts({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const towns = simulation.towns;
  const names = towns.map((town) => town.townName);
  const axis = { type: "category", data: names, axisLabel: { rotate: names.length > 6 ? 45 : 0 } };
  const movementOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: names.length > 6 ? 80 : 40 },
    xAxis: axis,
    yAxis: { type: "value", name: t("policies.sim.people") },
    series: [
      { name: t("policies.sim.gained"), type: "bar", stack: "moves", data: towns.map((town) => town.gained) },
      { name: t("policies.sim.lost"), type: "bar", stack: "moves", data: towns.map((town) => town.lost) },
      { name: t("policies.sim.unchanged"), type: "bar", stack: "moves", data: towns.map((town) => town.unchanged) },
    ],
  };
  const eligibleOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: names.length > 6 ? 80 : 40 },
    xAxis: axis,
    yAxis: { type: "value", name: t("policies.sim.people") },
    series: [
      { name: t("policies.sim.eligibleBefore"), type: "bar", data: towns.map((town) => town.eligibleBefore) },
      { name: t("policies.sim.eligibleAfter"), type: "bar", data: towns.map((town) => town.eligibleAfter) },
    ],
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("policies.sim.movementTitle")}>
          <Chart option={movementOption} testId="policies-chart-movement" label={t("policies.sim.movementTitle")} />
          <Table<Town>
            size="small"
            rowKey="townCode"
            pagination={false}
            scroll={{ x: true }}
            dataSource={towns}
            data-testid="policies-table-movement"
            columns={[
              { title: t("policies.sim.town"), dataIndex: "townName" },
              { title: t("policies.sim.scored"), dataIndex: "scored" },
              { title: t("policies.sim.gained"), dataIndex: "gained" },
              { title: t("policies.sim.lost"), dataIndex: "lost" },
              { title: t("policies.sim.unchanged"), dataIndex: "unchanged" },
              { title: t("policies.sim.totalChange"), dataIndex: "totalChange", render: signed },
              { title: t("policies.sim.averageChange"), dataIndex: "averageChange", render: signed },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("policies.sim.eligibleTitle")}>
          <Chart option={eligibleOption} testId="policies-chart-eligible" label={t("policies.sim.eligibleTitle")} />
          <Table<Town>
            size="small"
            rowKey="townCode"
            pagination={false}
            scroll={{ x: true }}
            dataSource={towns}
            data-testid="policies-table-eligible"
            columns={[
              { title: t("policies.sim.town"), dataIndex: "townName" },
              { title: t("policies.sim.eligibleBefore"), dataIndex: "eligibleBefore" },
              { title: t("policies.sim.eligibleAfter"), dataIndex: "eligibleAfter" },
              {
                title: t("policies.sim.eligibleChange"),
                key: "difference",
                render: (_: unknown, town) => signed(town.eligibleAfter - town.eligibleBefore),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
