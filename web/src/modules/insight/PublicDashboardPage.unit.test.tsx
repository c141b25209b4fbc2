// @vitest-environment happy-dom
// The public dashboard's filters: the 镇区 in the address is asked of the server and carried into the XLSX link;
// without one, the whole city. (The dashboard body with its charts is replaced here: it is tested in the browser.)
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { Dashboard } from "./format";
import { PublicDashboardPage } from "./PublicDashboardPage";

vi.mock("./DashboardView", () => ({
  DashboardView: ({ dashboard }: { dashboard: Dashboard }) => (
    <p data-testid="body">
      {dashboard.year} {dashboard.townCode ?? "city"}
    </p>
  ),
}));

const towns = [
  { code: "shiqi", name: "石岐区", pinyin: "Shiqi" },
  { code: "xiaolan", name: "小榄镇", pinyin: "Xiaolan" },
];

let container: HTMLDivElement;
let root: Root;
let asked: URL[] = [];

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(async () => {
  await i18n.changeLanguage("zh-CN");
  asked = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      const url = new URL(input, "http://localhost");
      asked.push(url);
      const body =
        url.pathname === "/api/v1/towns"
          ? towns
          : {
              year: Number(url.searchParams.get("year") ?? 2026),
              asOf: "2026-03-18",
              townCode: url.searchParams.get("townCode"),
              public: true,
              scope: "city",
              goals: [],
              indicators: [],
            };
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    }),
  );
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

async function show(address: string): Promise<void> {
  await act(async () => {
    root.render(
      <MemoryRouter initialEntries={[address]}>
        <PublicDashboardPage />
      </MemoryRouter>,
    );
  });
  for (let tries = 0; tries < 50 && !container.querySelector("[data-testid=body]"); tries += 1)
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

const dashboardRequests = () => asked.filter((url) => url.pathname === "/api/v1/public/insight/indicators");

describe("the public dashboard's filters", () => {
  it("asks for the 镇区 and year in the address and exports exactly those figures", async () => {
    await show("/portal/indicators?year=2025&townCode=shiqi");
    expect(dashboardRequests().map((url) => url.search)).toEqual(["?year=2025&townCode=shiqi"]);
    expect(container.querySelector("[data-testid=body]")?.textContent).toBe("2025 shiqi");
    const link = container.querySelector("[data-testid=insight-export-xlsx]");
    expect(link?.getAttribute("href")).toBe("/api/v1/public/insight/indicators.xlsx?year=2025&townCode=shiqi");
    expect(link?.hasAttribute("download")).toBe(true);
    expect(container.querySelector("[data-testid=insight-town]")?.textContent).toContain("石岐区");
  });

  it("shows the whole city without a 镇区, and exports the server's year", async () => {
    await show("/portal/indicators");
    expect(dashboardRequests().map((url) => url.search)).toEqual([""]);
    expect(container.querySelector("[data-testid=insight-export-xlsx]")?.getAttribute("href")).toBe(
      "/api/v1/public/insight/indicators.xlsx?year=2026",
    );
    expect(container.querySelector("[data-testid=insight-town]")?.textContent).toContain("全市");
  });
});
