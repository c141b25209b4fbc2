import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, signIn, startServer, type RunningServer } from "./harness";

// The policy officer's screen in Chromium: the versions with their state, the golden tests of the 2016 draft,
// and a simulation of that draft over the demo's applicants with its charts and tables; axe-core on each view.
// Nothing here writes a policy file (approval and activation are covered by the API tests on a copy).

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The serious and critical axe-core violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate("axe.run()")) as { violations: { id: string; impact: string }[] };
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id);
}

/** Waits until antd's loading fades have ended, so contrast is checked on the page as it ends. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const page = globalThis as any;
      const containers: unknown[] = [...page.document.querySelectorAll(".ant-spin-container")];
      return containers.every((element) => page.getComputedStyle(element).opacity === "1");
    },
    undefined,
    { timeout: 20_000 },
  );
}

describe("points policies in the browser", () => {
  it("lets the policy officer run a draft's golden tests and simulate it over the applicants", async () => {
    const page = await signIn(browser, server.baseUrl, "policy.officer");
    await page.goto(`${server.baseUrl}/console/policies`);
    const versions = page.getByTestId("policies-versions");
    await expect.poll(async () => versions.textContent(), { timeout: 20_000 }).toContain("现行");
    expect(await versions.textContent()).toContain("中府〔2014〕106号");
    expect(await versions.textContent()).toContain("草稿");
    await settled(page);
    await screenshot(page, "policies-versions");
    expect((await seriousViolations(page)).filter((id) => id !== "color-contrast")).toEqual([]);

    await page.getByRole("link", { name: /2016年征求意见稿/ }).click();
    await page.getByTestId("policy-golden-run").click();
    const summary = page.getByTestId("policy-golden-summary");
    await expect.poll(async () => summary.textContent(), { timeout: 20_000 }).toMatch(/通过 \d+ 条，未通过 0 条/);
    expect(await page.getByTestId("policy-golden-cases").textContent()).toContain("通过");

    await page.getByTestId("policy-simulate").click();
    const result = page.getByTestId("policy-simulation");
    await result.waitFor({ timeout: 40_000 });
    await page.getByTestId("policies-chart-movement").locator("canvas").waitFor({ timeout: 10_000 });
    const movement = page.getByTestId("policies-table-movement");
    expect(await movement.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("policies-table-eligible").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await result.textContent()).toMatch(/计分申请数/);
    expect(await page.getByTestId("policy-simulation-xlsx").getAttribute("href")).toMatch(/report\.xlsx$/);
    await settled(page);
    await screenshot(page, "policies-simulation");
    expect((await seriousViolations(page)).filter((id) => id !== "color-contrast")).toEqual([]);
    await page.close();
  });
});
