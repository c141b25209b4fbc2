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

describe("registry in the browser", () => {
  let householdUrl = "";
  const newAddress = "石岐东社区8号1201房（浏览器测试）";

  it("shows the public home page in Chinese without signing in", async () => {
    const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await page.goto(server.baseUrl);
    await expect.poll(async () => page.getByTestId("town-list").textContent()).toContain("石岐区");
    await screenshot(page, "public-home");
    expect(await seriousViolations(page), "axe: public home").toEqual([]);
    // Each service card links to its public pages (issue 15): 低保公示 opens the public lists.
    await page.getByTestId("service-assistance-link").first().click();
    await page.getByTestId("assistance-lists-page").waitFor();
    expect(await seriousViolations(page), "axe: public assistance lists").toEqual([]);
  });

  it("lets a clerk search, open and edit a household of their 镇区 and see its history", async () => {
    const page = await signInAs("clerk.shiqi");
    await expect.poll(async () => page.getByTestId("user-name").textContent()).toContain("石岐区");
    await screenshot(page, "console-home-clerk");
    expect(await seriousViolations(page), "axe: clerk's console home").toEqual([]);

    await page.goto(`${server.baseUrl}/console/registry?kind=households`);
    const search = page.getByTestId("registry-search-input").locator("input");
    await search.fill("石岐东社区");
    await search.press("Enter");
    await page.getByTestId("household-result-link").first().waitFor();
    await screenshot(page, "registry-search");
    expect(await seriousViolations(page), "axe: registry search").toEqual([]);
    await page.getByTestId("household-result-link").first().click();
    await page.getByTestId("household-details").waitFor();
    householdUrl = page.url();
    expect(householdUrl).toMatch(/\/console\/registry\/households\/[0-9a-f-]{36}$/);

    await page.getByTestId("household-edit").click();
    const address = page.getByTestId("household-edit-form").getByTestId("field-address");
    await address.fill(newAddress);
    await page.getByTestId("household-edit-submit").click();
    await expect.poll(async () => page.getByTestId("household-details").textContent()).toContain(newAddress);

    await page.reload();
    await expect.poll(async () => page.getByTestId("household-details").textContent()).toContain(newAddress);
    await expect.poll(async () => page.getByTestId("history-timeline").textContent()).toContain(newAddress);
    await screenshot(page, "household-page");
    expect(await seriousViolations(page), "axe: household page").toEqual([]);
  });

  it("answers 'not found' to a clerk of another 镇区 for the same household", async () => {
    const page = await signInAs("clerk.xiaolan");
    await page.goto(householdUrl);
    await page.getByTestId("not-found-or-no-access").waitFor();
    expect(await page.getByTestId("household-details").count()).toBe(0);
    await screenshot(page, "other-town-not-found");
  });

  it("lets the programme admin import communities from a CSV through the menu, with a report of the bad rows", async () => {
    const page = await signInAs("programme.admin");
    await page.getByTestId("menu-registry/communities/import").click();
    await page.getByTestId("communities-import-page").waitFor();
    const csv = ["town_code,name,x,y", "shiqi,浏览器测试社区,4800,200", "nowhere,无名社区,1,1"].join("\r\n");
    await page.locator("input[type=file]").setInputFiles({
      name: "communities.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    // By default the one bad row refuses the whole file: its number and reason, in Chinese.
    await page.getByTestId("communities-import").click();
    const refused = page.getByTestId("communities-import-refused");
    await expect.poll(async () => refused.textContent()).toContain("整个文件未导入");
    expect(await refused.textContent()).toContain("没有镇区“nowhere”");
    expect(await refused.locator("tbody tr").first().textContent()).toContain("3");
    // Importing the good rows writes the other one and lists the bad row in the report.
    await page.getByTestId("communities-import-good-rows").click();
    await page.getByTestId("communities-import").click();
    const report = page.getByTestId("communities-import-report");
    await expect.poll(async () => report.textContent()).toContain("新增 1 个社区");
    expect(await report.textContent()).toContain("镇区代码");
    await screenshot(page, "communities-import");
    expect(await seriousViolations(page), "axe: communities import").toEqual([]);
  });

  it("shows a resident their own record in the portal", async () => {
    const page = await signInAs("resident");
    await page.getByTestId("profile-person").waitFor();
    await screenshot(page, "resident-portal");
    expect(await seriousViolations(page), "axe: resident's console home").toEqual([]);
  });
});
