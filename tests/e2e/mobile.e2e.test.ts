/**
 * The resident's pages on a phone (issue 15): 我的积分, 积分自测, the objection form on a publicity list, the
 * result notice and 低保, each at 390 × 844 CSS pixels. The page itself never scrolls sideways (wide tables scroll
 * inside their own box), the menu is folded away, axe-core finds no serious or critical violation, and each
 * screen is photographed under tmp/screenshots/mobile-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  settled,
  signIn,
  startServer,
  type RunningServer,
  sessionApi,
} from "./harness";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

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

/** The browser globals the checks read (the project's TypeScript has no DOM types). */
interface BrowserWindow {
  document: { scrollingElement: { scrollWidth: number } | null };
}

/** How wide the page's content is: more than the viewport means the whole page scrolls sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as BrowserWindow).document.scrollingElement?.scrollWidth ?? 0);
}

/** The checks every phone screen passes, then its photograph. */
async function checkPhoneScreen(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `mobile-${name}`);
  expect(await pageWidth(page), `${name}: the page scrolls sideways`).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page), name).toEqual([]);
}

const api = sessionApi;

/** Runs a job to its end through the API and returns it. */
async function runJob(page: Page, kind: string, payload: unknown): Promise<{ status: string }> {
  const { job } = await api<{ job: { id: string } }>(page, "POST", "/jobs", { kind, payload });
  let state = { status: "queued" };
  await expect
    .poll(
      async () => {
        state = await api<{ status: string }>(page, "GET", `/jobs/${job.id}`);
        return state.status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/succeeded|failed/);
  return state;
}

describe("the resident's pages on a 390 px phone", () => {
  it("我的积分: facts, applications, messages and the result notice, with the menu folded away", async () => {
    const page = await signIn(browser, server.baseUrl, "resident.xiaolan", phone);
    await page.goto(`${server.baseUrl}/console/points/me`);
    await expect.poll(async () => page.getByTestId("points-me-applications").textContent()).toContain("积分入学");
    expect(await page.locator(".console-sider.ant-layout-sider-collapsed").count()).toBe(1);
    expect(
      await page.locator(".console-sider").evaluate((element) => (element as { offsetWidth: number }).offsetWidth),
    ).toBeLessThanOrEqual(1); // its 1 px border
    await checkPhoneScreen(page, "points-me");

    // The result notice of last year's cycle: a PDF for her, from the link on the same page.
    const link = page.getByTestId("points-me-notice").first();
    await link.waitFor();
    const notice = await page.request.get(new URL((await link.getAttribute("href")) ?? "", server.baseUrl).toString());
    expect(notice.headers()["content-type"]).toContain("application/pdf");
    expect((await notice.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("积分自测: the form and its result", async () => {
    const page = await signIn(browser, server.baseUrl, "resident.xiaolan", phone);
    await page.goto(`${server.baseUrl}/console/points/self-check`);
    await page.getByTestId("points-selfcheck-form").waitFor();
    await page.getByTestId("points-selfcheck-submit").click();
    await page.getByTestId("points-selfcheck-results").waitFor();
    await checkPhoneScreen(page, "points-self-check");
  });

  it("the objection form on a publicised list", async () => {
    // The demo's lists of last year are final; the programme admin ranks and publishes this year's cycle first.
    const admin = await signIn(browser, server.baseUrl, "programme.admin");
    const cycles = await api<{ items: { id: string }[] }>(admin, "GET", "/points/cycles");
    expect((await runJob(admin, "points.ranking", { cycleId: cycles.items[0].id })).status).toBe("succeeded");
    const runs = await api<{ items: { id: string; status: string }[] }>(
      admin,
      "GET",
      `/points/cycles/${cycles.items[0].id}/runs`,
    );
    const run = runs.items.find((item) => item.status === "completed")!;
    expect((await runJob(admin, "points.publish", { runId: run.id })).status).toBe("succeeded");

    const page = await signIn(browser, server.baseUrl, "resident.xiaolan", phone);
    await page.goto(`${server.baseUrl}/console/points/lists`);
    const object = page.getByTestId("points-list-entries").getByTestId("points-list-object").first();
    await object.waitFor();
    await checkPhoneScreen(page, "points-list");
    await object.click();
    await page.locator(".ant-modal:visible").waitFor();
    await checkPhoneScreen(page, "points-objection");
  });

  it("低保: the household's case with its amount and history", async () => {
    const page = await signIn(browser, server.baseUrl, "resident.dibao", phone);
    await page.goto(`${server.baseUrl}/console/assistance/mine`);
    await expect.poll(async () => page.getByTestId("assistance-mine-state").first().textContent()).toContain("在保");
    await checkPhoneScreen(page, "assistance-mine");
  });
});
