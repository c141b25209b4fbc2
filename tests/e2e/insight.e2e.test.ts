/**
 * Insight in the browser: the staff dashboard in zh-CN with its charts and an XLSX download, the public portal in
 * English, and an open-data file downloaded and parsed — each screen photographed and checked with axe-core.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  launchBrowser,
  screenshot,
  SCREENSHOT_DIR,
  seriousViolations,
  signIn,
  startServer,
  type RunningServer,
} from "./harness";

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

/** Waits until antd's loading containers have faded in (axe checks contrast on the page as it ends). */
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

describe("insight in the browser", () => {
  it("shows the dashboard in zh-CN with charts and tables, and exports it as XLSX", async () => {
    const page = await signIn(browser, server.baseUrl, "programme.admin", { acceptDownloads: true });
    await page.goto(`${server.baseUrl}/console/insight/dashboard`);
    await page.getByTestId("insight-chart-comparison").locator("canvas").waitFor({ timeout: 20_000 });
    await settled(page);
    await screenshot(page, "insight-dashboard");
    expect(await page.getByTestId("insight-goals").textContent()).toContain("民生");
    expect(await page.getByTestId("insight-town-table").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("insight-export-xlsx").click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("目标");
    expect(sheet.rowCount).toBeGreaterThan(5);

    // Drill-down: a 镇区's name in the comparison table filters the dashboard to that 镇区.
    const townTable = page.getByTestId("insight-town-table");
    const firstTown = (await townTable.getByTestId("insight-drill").first().textContent())!.trim();
    await townTable.getByTestId("insight-drill").first().click();
    await expect.poll(async () => townTable.locator("tbody tr").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId("insight-town").textContent()).toContain(firstTown);

    // The monthly report of that 镇区, as the PDF link fetches it.
    const pdfUrl = (await page.getByTestId("insight-report-pdf").getAttribute("href"))!;
    const pdf = await page.context().request.get(`${server.baseUrl}${pdfUrl}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfBytes = await pdf.body();
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(join(SCREENSHOT_DIR, "insight-report.pdf"), pdfBytes);

    // The programme admin imports approval items: one good row, one refused with its row number and reason.
    await page.goto(`${server.baseUrl}/console/approvals/import`);
    const upload = new ExcelJS.Workbook();
    const rows = upload.addWorksheet("事项");
    rows.addRow([
      "事项编码",
      "事项名称",
      "实施部门",
      "设定依据",
      "法定时限（工作日）",
      "承诺时限（工作日）",
      "状态",
      "变更日期",
      "变更文件",
    ]);
    rows.addRow([
      "E2E-0001",
      "浏览器测试事项",
      "市民政局",
      "《测试条例》",
      20,
      10,
      "保留",
      "2016-01-04",
      "中府〔2016〕1号",
    ]);
    rows.addRow(["E2E-0002", "坏行", "市民政局", "《测试条例》", 20, 10, "暂停", "2016-01-04", "中府〔2016〕1号"]);
    await page.locator("input[type=file]").setInputFiles({
      name: "items.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(await upload.xlsx.writeBuffer()),
    });
    // The default refuses the whole file for its one bad row and names it; importing the good rows lists it.
    await page.getByTestId("approvals-import").click();
    await expect.poll(async () => page.getByTestId("submit-error").textContent()).toContain("未导入");
    await page.getByTestId("approvals-import-good-rows").click();
    await page.getByTestId("approvals-import").click();
    const report = page.getByTestId("approvals-import-report");
    await report.waitFor({ timeout: 20_000 });
    expect(await report.textContent()).toContain("暂停");
    await screenshot(page, "approvals-import");
    await page.context().close();
  });

  it("shows the public portal and the city's indicators in English, without signing in", async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/portal`);
    await page.getByTestId("language-switch").getByText("EN").click();
    await page.getByTestId("portal-page").getByText("Open government").first().waitFor();
    await screenshot(page, "insight-portal-en");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId("portal-Indicators").click();
    await page.getByTestId("public-dashboard").getByText("City indicators").waitFor();
    await page.getByTestId("insight-chart-comparison").locator("canvas").waitFor({ timeout: 20_000 });
    await settled(page);
    await screenshot(page, "insight-public-dashboard-en");
    expect(await page.getByTestId("insight-goals").textContent()).toContain("Livelihood");
    expect(await seriousViolations(page)).toEqual([]);

    // The 镇区 filter, from a 镇区's name in the comparison: the figures, the address and the XLSX link follow it.
    const townTable = page.getByTestId("insight-town-table");
    const firstTown = (await townTable.getByTestId("insight-drill").first().textContent())!.trim();
    await townTable.getByTestId("insight-drill").first().click();
    await expect.poll(async () => townTable.locator("tbody tr").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId("insight-town").textContent()).toContain(firstTown);
    expect(page.url()).toMatch(/[?&]townCode=[a-z]+/);
    const townCode = new URL(page.url()).searchParams.get("townCode")!;
    await settled(page);
    await screenshot(page, "insight-public-dashboard-town-en");
    expect(await seriousViolations(page)).toEqual([]);
    const xlsxUrl = (await page.getByTestId("insight-export-xlsx").getAttribute("href"))!;
    expect(xlsxUrl).toContain(`townCode=${townCode}`);
    const xlsx = await context.request.get(`${server.baseUrl}${xlsxUrl}`);
    expect(xlsx.status()).toBe(200);
    const publicBook = new ExcelJS.Workbook();
    await publicBook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const header = (publicBook.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["目标", "指标", "单位", "状态", "全市/合计"]);
    expect(header).toHaveLength(6); // the one 镇区

    await page.goto(`${server.baseUrl}/portal/approvals`);
    await page.getByTestId("approvals-chart-rounds").locator("canvas").waitFor({ timeout: 20_000 });
    await page.getByTestId("approvals-items").locator("tbody tr a").first().waitFor();
    await settled(page);
    await screenshot(page, "approvals-catalogue-en");
    expect(await page.getByTestId("approvals-page").textContent()).toContain("History of the reform");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("lists the open data with a data dictionary and downloads a CSV that parses", async () => {
    const context = await browser.newContext({ locale: "zh-CN", acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/portal/open-data`);
    const table = page.getByTestId("open-data-datasets");
    await table.getByText("town-statistics").waitFor({ timeout: 20_000 });
    await table.locator(".ant-table-row-expand-icon").first().click();
    await page.locator("[data-testid^=open-data-dictionary-]").first().waitFor();
    await screenshot(page, "insight-open-data");
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("open-data-csv-town-statistics").click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).trim().split(/\r?\n/);
    expect(header).toBe("year,goal,indicator,indicator_title,unit,town_code,value");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.split(",").length === 7)).toBe(true);
    await context.close();
  });
});
