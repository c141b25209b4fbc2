// The reform in charts (ECharts): per round the items cancelled and delegated (bars) and the items kept after it
// (line); per department the items by status now (stacked bars); each chart with its table.
import { useEffect, useRef } from "react";
import { Card, Col, Row, Table } from "antd";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/schema";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type Reform = ApiResponse<"/public/approvals/reform">;

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
    <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: 300 }} data-testid={testId} />
  );
}

/** Per-round and per-department charts with their tables. */
export function ReformCharts({ reform }: { reform: Reform }) {
  const { t } = useTranslation();
  const roundLabel = (round: string) => round || t("approvals.noRound");
  const status = (key: "kept" | "cancelled" | "delegated") => t(`approvals.statuses.${key}`);
  const roundsOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 60, right: 60, top: 40, bottom: 60 },
    xAxis: { type: "category", data: reform.rounds.map((round) => roundLabel(round.round)), axisLabel: { rotate: 20 } },
    yAxis: [{ type: "value" }, { type: "value" }],
    series: [
      { name: status("cancelled"), type: "bar", stack: "cut", data: reform.rounds.map((round) => round.cancelled) },
      { name: status("delegated"), type: "bar", stack: "cut", data: reform.rounds.map((round) => round.delegated) },
      {
        name: t("approvals.keptAfter"),
        type: "line",
        yAxisIndex: 1,
        data: reform.rounds.map((round) => round.keptAfter),
      },
    ],
  };
  const departmentsOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 90 },
    xAxis: {
      type: "category",
      data: reform.departments.map((department) => department.departmentName),
      axisLabel: { rotate: 40 },
    },
    yAxis: { type: "value" },
    series: (["kept", "delegated", "cancelled"] as const).map((key) => ({
      name: status(key),
      type: "bar",
      stack: "all",
      data: reform.departments.map((department) => department[key]),
    })),
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("approvals.perRound")}>
          <Chart option={roundsOption} testId="approvals-chart-rounds" label={t("approvals.perRound")} />
          <Table
            size="small"
            rowKey="round"
            pagination={false}
            dataSource={reform.rounds}
            data-testid="approvals-rounds"
            columns={[
              { title: t("approvals.round"), dataIndex: "round", render: roundLabel },
              { title: t("approvals.statusOn"), dataIndex: "lastOn" },
              { title: status("cancelled"), dataIndex: "cancelled", align: "right" },
              { title: status("delegated"), dataIndex: "delegated", align: "right" },
              { title: t("approvals.keptAfter"), dataIndex: "keptAfter", align: "right" },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("approvals.perDepartment")}>
          <Chart option={departmentsOption} testId="approvals-chart-departments" label={t("approvals.perDepartment")} />
          <Table
            size="small"
            rowKey="departmentCode"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={reform.departments}
            columns={[
              { title: t("approvals.department"), dataIndex: "departmentName" },
              { title: status("kept"), dataIndex: "kept", align: "right" },
              { title: status("delegated"), dataIndex: "delegated", align: "right" },
              { title: status("cancelled"), dataIndex: "cancelled", align: "right" },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
