// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { FigureChart } from "./FigureChart";

// No canvas here: the chart library is replaced by a recorder of what it was asked to draw.
const drawn = vi.hoisted(() => [] as unknown[]);
vi.mock("echarts/core", () => ({
  use: () => undefined,
  init: () => ({
    setOption: (option: unknown) => drawn.push(option),
    resize: () => undefined,
    dispose: () => undefined,
  }),
}));

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(async () => {
  drawn.length = 0;
  await i18n.changeLanguage("zh-CN");
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(data: { name: string; value: number }[], kind: "bar" | "pie" = "pie") {
  act(() => root.render(<FigureChart kind={kind} data={data} label="参与志愿者构成" testId="chart" />));
  return container.querySelector('[data-testid="chart"]')!;
}

describe("FigureChart", () => {
  it("says there is nothing to show instead of drawing a pie of zeros as two equal halves", () => {
    const shown = render([
      { name: "党员志愿者", value: 0 },
      { name: "其他志愿者", value: 0 },
    ]);
    expect(shown.querySelector(".ant-empty-description")?.textContent).toBe("暂无数据");
    expect(shown.getAttribute("aria-label")).toBe("参与志愿者构成");
    expect(drawn).toEqual([]);
  });

  it("says the same for a bar chart without values, in English when chosen", async () => {
    await act(() => i18n.changeLanguage("en"));
    expect(render([], "bar").querySelector(".ant-empty-description")?.textContent).toBe("No figures yet");
    expect(drawn).toEqual([]);
  });

  it("draws the values when one of them is not zero", () => {
    const shown = render([
      { name: "党员志愿者", value: 0 },
      { name: "其他志愿者", value: 3 },
    ]);
    expect(shown.getAttribute("role")).toBe("img");
    expect(drawn).toHaveLength(1);
    expect(JSON.stringify(drawn[0])).toContain('"value":3');
  });
});
