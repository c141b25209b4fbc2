import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, seriousViolations, signIn, startServer, type RunningServer } from "./harness";

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

function signInAs(username: string): Promise<Page> {
  return signIn(browser, server.baseUrl, username);
}

describe("coordination in the browser", () => {
  it("shows a programme admin one inbox with tasks from at least two modules, each with its deadline", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/inbox`);
    const modules = page.getByTestId("inbox-module");
    await expect.poll(async () => modules.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The table fades in once loaded: check contrast on the page as it ends, not mid-transition.
    await page.waitForFunction(
      () => {
        const page = globalThis as any;
        const containers: unknown[] = [...page.document.querySelectorAll(".ant-spin-container")];
        return containers.every((element) => page.getComputedStyle(element).opacity === "1");
      },
      undefined,
      { timeout: 20_000 },
    );
    await screenshot(page, "coordination-inbox");
    const names = new Set(await modules.allTextContents());
    expect(names.size, [...names].join(", ")).toBeGreaterThanOrEqual(2);
    const text = (await page.getByTestId("inbox-tasks").textContent()) ?? "";
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    // In Chinese only: no "(English)" half of a server label, no code.
    expect(text).not.toMatch(/\((?:[a-z]+ )+[a-z]+\)|[a-z]+_[a-z_]+/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("tells a clerk whose points fact waits to be forwarded, and which indicator, by name", async () => {
    const page = await signInAs("clerk.xiaolan");
    await page.goto(`${server.baseUrl}/console/inbox`);
    const tasks = page.getByTestId("inbox-tasks");
    await expect.poll(async () => tasks.textContent(), { timeout: 20_000 }).toContain("事项转交期限");
    const row = tasks.getByRole("row", { name: /事项转交期限/ }).first();
    // "<name>：<indicator>", e.g. "陈小明：住房公积金缴交月数", never the fact's code.
    expect(await row.textContent()).toMatch(/[\u4e00-\u9fff*]+：[\u4e00-\u9fff]+/);
    expect(await tasks.textContent()).not.toMatch(/[a-z]+_[a-z_]+/);
    await screenshot(page, "coordination-inbox-clerk");
    await page.context().close();
  });
});
