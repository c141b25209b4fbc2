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
    expect(await page.getByTestId("inbox-tasks").textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
