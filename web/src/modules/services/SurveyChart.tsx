// The satisfaction survey's answers per question as stacked bars (very dissatisfied … very satisfied).
import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const palette = ["#a8071a", "#d4380d", "#8c8c8c", "#389e0d", "#135200"];

export function SurveyChart({ questions }: { questions: { text: string; counts: number[] }[] }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 200, right: 20, top: 36, bottom: 20 },
      yAxis: { type: "category", data: questions.map((question) => question.text), inverse: true },
      xAxis: { type: "value", minInterval: 1 },
      series: [0, 1, 2, 3, 4].map((index) => ({
        name: t(`services.answer.${index + 1}`),
        type: "bar",
        stack: "answers",
        itemStyle: { color: palette[index] },
        data: questions.map((question) => question.counts[index]),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [questions, t, i18n.language]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={t("services.surveyTitle")}
      style={{ width: "100%", height: 60 + 44 * questions.length }}
      data-testid="survey-chart"
    />
  );
}
