import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { useTownLabel } from "../../components/useTownLabel";
import type { Standard } from "./standards.types";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A bar chart per 镇区 of the simulated monthly cost: current standard against the proposal (yuan). */
export function SimulationChart({ simulation }: { simulation: NonNullable<Standard["simulation"]> }) {
  const { t, i18n } = useTranslation();
  const townLabel = useTownLabel();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    const towns = simulation.byTown;
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 36, bottom: 40 },
      xAxis: { type: "category", data: towns.map((town) => townLabel(town.town)) },
      yAxis: { type: "value", name: t("assistance.standard.yuanPerMonth") },
      series: [
        {
          name: t("assistance.standard.baselineCost"),
          type: "bar",
          data: towns.map((town) => town.baselineCostFen / 100),
        },
        { name: t("assistance.standard.draftCost"), type: "bar", data: towns.map((town) => town.draftCostFen / 100) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [simulation, townLabel, t, i18n.language]);

  return <div ref={element} style={{ width: "100%", height: 300 }} data-testid="assistance-standard-chart" />;
}
