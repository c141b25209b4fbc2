import { useEffect, useRef } from "react";
import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import * as echarts from "echarts/core";
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * A bar or pie chart of labelled values; the page shows the same figures in a table next to it. With nothing to
 * draw (no values, or all of them zero) it says so: ECharts would draw an empty frame for bars, and equal slices for
 * a pie of zeros — two halves for "0 and 0".
 */
export function FigureChart({
  kind,
  data,
  label,
  testId,
}: {
  kind: "bar" | "pie";
  data: { name: string; value: number }[];
  /** The chart's accessible name. */
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const nothing = data.every((item) => item.value === 0);
  useEffect(() => {
    if (nothing || !element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(
      kind === "bar"
        ? {
            tooltip: { trigger: "axis" },
            grid: { left: 60, right: 20, top: 20, bottom: 40 },
            xAxis: { type: "category", data: data.map((item) => item.name) },
            yAxis: { type: "value" },
            series: [{ type: "bar", data: data.map((item) => item.value), itemStyle: { color: "#c0392b" } }],
          }
        : {
            tooltip: { trigger: "item" },
            legend: { bottom: 0 },
            series: [{ type: "pie", radius: ["35%", "65%"], data, label: { formatter: "{b}: {c}" } }],
          },
    );
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [kind, data, nothing]);
  if (nothing) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t("participation.noFigures")}
        aria-label={label}
        data-testid={testId}
      />
    );
  }
  return (
    <div ref={element} role="img" aria-label={label} style={{ width: "100%", height: 280 }} data-testid={testId} />
  );
}
