/**
 * The whole 低保 path in the browser (issue 5): a clerk of 石岐区 takes an application at the counter, records the
 * investigation, the democratic appraisal, the town opinion and starts the publicity; civil affairs approves it,
 * runs and approves the month's payroll and downloads the bank file, whose lines and total are checked to the fen
 * and whose amount for the new case is checked against the dibao computed by hand from the Zhongshan rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import ExcelJS from "exceljs";
import { addWorkingDays, isWorkingDay } from "../../src/core/calendar";
import { addDays } from "../../src/core/dates";
import {
  closeDropdowns,
  launchBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startServer,
  type RunningServer,
} from "./harness";
import { clock } from "../../src/core/clock";

// Zhongshan's standard in force since 2021-01-01 (the latest row of the dated parameters): 1,120 yuan per person
// per month, classified supplement ⌊1120 × 0.4⌋ = 448 yuan per qualifying member.
const STANDARD_FEN = 112_000;
const SUPPLEMENT_FEN = 44_800;
const MEMBER_INCOME = "350.50";
const BANK_ACCOUNT = "6222020099887766554";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await requireWebBuildWith("assistance-new-household");
});

/** Fails at once with the fix when the served web build (web/dist, not in git) predates the assistance screens. */
async function requireWebBuildWith(marker: string): Promise<void> {
  const html = await (await fetch(server.baseUrl)).text();
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  const code = script ? await (await fetch(`${server.baseUrl}${script}`)).text() : "";
  if (!code.includes(marker))
    throw new Error(`web/dist has no assistance screens (no "${marker}"): run npm run build:web first`);
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signInAs(username: string): Promise<Page> {
  return signIn(browser, server.baseUrl, username, { timezoneId: "Asia/Shanghai", acceptDownloads: true });
}

/** Types a date into an antd DatePicker's input and leaves it with Tab (Enter would submit the form). */
async function pickDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press("Tab");
  await expect.poll(async () => input.inputValue()).toBe(value);
  await input.page().keyboard.press("Escape"); // closes the panel; the value stays
  await expect.poll(async () => input.inputValue()).toBe(value);
}

/** The input of an antd control carrying a test id (the id sits on the input or on its wrapper). */
async function inputOf(page: Page, testId: string): Promise<Locator> {
  const marked = page.getByTestId(testId);
  const tag = await marked.evaluate((element) => element.tagName);
  return tag === "INPUT" ? marked : marked.locator("input");
}

/** Parses "1234.50" into fen exactly (integer arithmetic on the digits). */
function fen(yuan: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(yuan.trim());
  if (!match) throw new Error(`not an amount with fen: ${yuan}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

/** Formats fen as yuan with two decimals, in integers only. */
function yuan(amount: number): string {
  return `${Math.trunc(amount / 100)}.${String(Math.abs(amount % 100)).padStart(2, "0")}`;
}

/** Masks a Chinese name as the publicity does: first character, then one * per hidden character, then the last. */
function masked(name: string): string {
  const characters = Array.from(name);
  return characters.length === 2
    ? `${characters[0]}*`
    : `${characters[0]}${"*".repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}

interface PublicEntry {
  maskedName: string;
  maskedIdNumber: string;
  values: Record<string, unknown>;
}

/** The entry of the public list of `kind` for 石岐区 whose title contains `titlePart` (and, given a name, that person's entry). */
async function publicEntry(kind: string, titlePart: string, name?: string): Promise<PublicEntry> {
  const lists = (await (
    await fetch(`${server.baseUrl}/api/v1/public/publicity/lists?kind=${encodeURIComponent(kind)}`)
  ).json()) as { items: { id: string; kind: string; title: string; townCode: string }[] };
  const list = lists.items.find(
    (item) => item.kind === kind && item.townCode === "shiqi" && item.title.includes(titlePart),
  );
  expect(list, `public list ${kind} ${titlePart}`).toBeDefined();
  const entries = (await (
    await fetch(`${server.baseUrl}/api/v1/public/publicity/lists/${list!.id}/entries?pageSize=100`)
  ).json()) as { items: PublicEntry[] };
  const found = name ? entries.items.filter((item) => item.maskedName === masked(name)) : entries.items;
  expect(found.length, `entries of ${list!.title}`).toBe(1);
  return found[0];
}

async function state(page: Page): Promise<string> {
  return (await page.getByTestId("assistance-case-state").textContent()) ?? "";
}

describe("social assistance from application to bank file in the browser", () => {
  const today = clock.today();
  const month = today.slice(0, 7);
  // Every step dated in the past, in order. The publicity starts on a working day early enough that even 7
  // working days (holidays included) end before today, so today's approval is valid and pays from this month.
  let publicityStart = addDays(today, -9);
  while (!isWorkingDay(publicityStart) || addWorkingDays(publicityStart, 7) >= today)
    publicityStart = addDays(publicityStart, -1);
  const dates = {
    submitted: addDays(publicityStart, -8),
    investigated: addDays(publicityStart, -6),
    appraised: addDays(publicityStart, -4),
    townReviewed: addDays(publicityStart, -2),
    publicityStart,
    decided: today,
  };
  let caseUrl = "";
  let caseNumber = "";
  let payeeName = "";
  let memberCount = 0;
  let expectedDibaoFen = 0;
  let expectedFen = 0;

  it("takes the application at the counter and leads it to publicity as the clerk of 石岐区", async () => {
    const page = await signInAs("clerk.shiqi");

    // Choosing a household free of any open case needs to know the demo cases' households, which no screen
    // lists: read them through the page's own session, then pick that household in the form like a clerk.
    const open = await page.request.get(`${server.baseUrl}/api/v1/assistance/cases?pageSize=100`);
    expect(open.ok()).toBe(true);
    const used = new Set<string>();
    for (const item of (await open.json()).items as { id: string }[]) {
      const detail = await (await page.request.get(`${server.baseUrl}/api/v1/assistance/cases/${item.id}`)).json();
      used.add(String(detail.householdId));
    }
    const found = await (
      await page.request.get(`${server.baseUrl}/api/v1/households?q=${encodeURIComponent("社区")}&pageSize=100`)
    ).json();
    const households = found.items as { id: string; address: string; headName: string | null; memberCount: number }[];
    const chosen = households.find(
      (household) =>
        !used.has(String(household.id)) &&
        household.memberCount >= 2 &&
        household.memberCount <= 4 &&
        household.headName,
    );
    expect(chosen, "a 石岐区 household of 2–4 members without a case").toBeDefined();

    await page.goto(`${server.baseUrl}/console/assistance/cases`);
    await page.getByTestId("assistance-new-case").click();
    await page.waitForURL(/\/console\/assistance\/cases\/new$/);
    const householdSearch = page.getByTestId("assistance-new-household").locator("input");
    await householdSearch.click();
    await householdSearch.fill(chosen!.address);
    await page
      .locator(".ant-select-item-option", { hasText: `${chosen!.address} · ${chosen!.headName}` })
      .first()
      .click();
    await page.getByTestId("assistance-new-form").waitFor();

    const rows = page.getByTestId("assistance-new-form").locator("tbody tr.ant-table-row");
    await expect.poll(async () => rows.count()).toBe(chosen!.memberCount);
    // An income with three decimals is refused by the server and the message lands under that member's field.
    await page.getByTestId("assistance-new-income-0").fill("350.505");
    // The first member listed earns an income and has two categories: still one classified supplement per member.
    const categories = rows.nth(0).locator(".ant-select");
    await categories.click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "长期重病" }).click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "重度残疾" }).click();
    await page.keyboard.press("Escape");
    await page.getByTestId("assistance-new-assets").fill("5000.00");
    await page.getByTestId("assistance-new-account").fill(BANK_ACCOUNT);
    await pickDate(page.getByTestId("assistance-new-form").locator(".ant-picker input"), dates.submitted);
    await page.getByTestId("assistance-new-submit").click();
    const incomeError = rows.nth(0).locator(".ant-form-item-explain-error");
    // The server's refusal, translated field by field: Chinese, never the schema path.
    await expect.poll(async () => incomeError.textContent()).toContain("第1位成员的月收入（元）");
    expect(await incomeError.textContent()).not.toContain("members.0");
    // Let the message finish fading in before the screenshot.
    const explain = rows.nth(0).locator(".ant-form-item-explain");
    await expect
      .poll(async () =>
        explain.evaluate(
          (element) =>
            (globalThis as unknown as { getComputedStyle: (node: unknown) => { opacity: string } }).getComputedStyle(
              element,
            ).opacity,
        ),
      )
      .toBe("1");
    expect(page.url()).toMatch(/\/cases\/new$/);
    await screenshot(page, "assistance-application-income-error");
    await page.getByTestId("assistance-new-income-0").fill(MEMBER_INCOME);
    await expect.poll(async () => incomeError.count()).toBe(0);
    await screenshot(page, "assistance-application-form");
    expect(await seriousViolations(page), "axe: application form").toEqual([]);
    await page.getByTestId("assistance-new-submit").click();
    await page.waitForURL(/\/console\/assistance\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await expect.poll(async () => state(page)).toContain("已受理");

    // Hand computation (rules: standard × members − household income, one supplement per qualifying member).
    memberCount = chosen!.memberCount;
    expectedDibaoFen = STANDARD_FEN * memberCount - fen(MEMBER_INCOME);
    expectedFen = expectedDibaoFen + SUPPLEMENT_FEN * 1;
    const eligibility = page.getByTestId("assistance-case-eligibility");
    await expect.poll(async () => eligibility.textContent()).toContain("符合条件");
    const eligibilityText = (await eligibility.textContent()) ?? "";
    expect(eligibilityText).toContain(yuan(expectedDibaoFen));
    expect(eligibilityText).toContain(yuan(SUPPLEMENT_FEN));
    expect(await page.getByTestId("assistance-case-household").textContent()).toContain(MEMBER_INCOME);
    const title = (await page.getByTestId("assistance-case-title").textContent()) ?? "";
    caseNumber = title.split("·")[0].trim();
    payeeName = chosen!.headName!;
    expect(title).toContain(payeeName);

    // Investigation: who visited, when, what they found.
    await pickDate(page.getByTestId("assistance-step-investigation").locator("#on"), dates.investigated);
    await page.locator("#by").fill("社区工作人员李明");
    await page.locator("#findings").fill("入户核查：住房简陋，收入来源单一，情况属实");
    await page.getByTestId("assistance-step-submit").click();
    await expect.poll(async () => state(page)).toContain("已调查");

    // A democratic appraisal without its quorum (5 of 9 present) is recorded as invalid; the case stays put.
    const appraisal = page.getByTestId("assistance-step-appraisal");
    await pickDate(appraisal.locator("#on"), dates.appraised);
    await appraisal.locator("#members").fill("9");
    await appraisal.locator("#present").fill("5");
    await appraisal.locator("#agree").fill("5");
    await appraisal.locator("#minutes").fill("民主评议会议：出席人数不足");
    await page.getByTestId("assistance-step-submit").click();
    await expect.poll(async () => page.getByTestId("assistance-case-timeline").textContent()).toContain("民主评议无效");
    expect(await state(page)).toContain("已调查");

    // Then a valid one: 9 members, 7 present, 6 agree (two thirds present, two thirds of them agree).
    await pickDate(appraisal.locator("#on"), dates.appraised);
    await appraisal.locator("#members").fill("9");
    await appraisal.locator("#present").fill("7");
    await appraisal.locator("#agree").fill("6");
    await appraisal.locator("#minutes").fill("民主评议会议记录：同意纳入低保");
    await page.getByTestId("assistance-step-submit").click();
    await expect.poll(async () => state(page)).toContain("已评议");

    const opinion = page.getByTestId("assistance-step-town-opinion");
    await pickDate(opinion.locator("#on"), dates.townReviewed);
    await opinion.locator("#findings").fill("经审核，同意上报");
    await page.getByTestId("assistance-step-submit").click();
    await expect.poll(async () => state(page)).toContain("镇街已审核");

    await pickDate(page.getByTestId("assistance-step-publicity").locator("#on"), dates.publicityStart);
    await page.getByTestId("assistance-step-submit").click();
    await expect.poll(async () => state(page)).toContain("公示中");
    const deadlines = page.getByTestId("assistance-case-deadlines");
    await expect.poll(async () => deadlines.textContent()).toContain(`${dates.publicityStart} – `);
    const publicityEnd =
      /\d{4}-\d{2}-\d{2} – (\d{4}-\d{2}-\d{2})/.exec((await deadlines.textContent()) ?? "")?.[1] ?? "";
    expect(
      publicityEnd >= addDays(dates.publicityStart, 6) && publicityEnd < today,
      `publicity ends ${publicityEnd}`,
    ).toBe(true);
    // The community publicity (no screen shows it yet, so read the public list as anyone can): the head's name
    // and ID number masked, the household's size, income and proposed amount.
    const headRow = page.getByTestId("assistance-case-members").locator("tbody tr", { hasText: "户主" });
    const [headName, headIdNumber] = (await headRow.locator("td").allTextContents()).map((text) => text.trim());
    const entry = await publicEntry("assistance.case", `（${caseNumber}）`);
    expect(entry.maskedName).toBe(masked(headName));
    expect(entry.maskedIdNumber).toBe(
      `${headIdNumber.slice(0, 4)}${"*".repeat(headIdNumber.length - 8)}${headIdNumber.slice(-4)}`,
    );
    expect(entry.values).toEqual({ members: memberCount, income: MEMBER_INCOME, amount: yuan(expectedFen) });
    // The clerk cannot decide: no step form for the decision.
    expect(await page.getByTestId("assistance-step-decision").count()).toBe(0);
    await screenshot(page, "assistance-case-clerk");
    expect(await seriousViolations(page), "axe: case page of the clerk").toEqual([]);
  });

  it("answers 'not found' to a clerk of another 镇区", async () => {
    const page = await signInAs("clerk.xiaolan");
    await page.goto(caseUrl);
    await page.getByTestId("not-found-or-no-access").waitFor();
    expect(await page.getByTestId("assistance-case-title").count()).toBe(0);
  });

  it("is approved by civil affairs from this month", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/assistance/cases`);
    const search = await inputOf(page, "assistance-filter-q");
    await search.fill(caseNumber);
    await search.press("Enter");
    const links = page.getByTestId("assistance-case-list").getByTestId("assistance-case-link");
    await expect.poll(async () => links.allTextContents()).toEqual([caseNumber]);
    await links.first().click();
    await page.waitForURL(caseUrl);
    const decision = page.getByTestId("assistance-step-decision");
    await decision.waitFor();
    await pickDate(decision.locator("#on"), dates.decided);
    await page.getByTestId("assistance-step-submit").click();
    // The decision asks first, naming what approval does.
    await expect.poll(async () => page.locator(".ant-popconfirm").textContent()).toContain("按月发放保障金");
    await page.getByTestId("assistance-step-submit-confirm").click();
    await expect.poll(async () => state(page)).toContain("在保");
    await expect.poll(async () => page.getByTestId("assistance-case-timeline").textContent()).toContain(dates.decided);
    await screenshot(page, "assistance-case-approved");
    // Approval republishes the month's approved list of the 镇区 with the new household in it.
    // Its title names the 镇区 and the month, so the lists of the 24 镇区 are told apart.
    const approvedTitle = `石岐区最低生活保障对象名单（${month.slice(0, 4)}年${Number(month.slice(5))}月）`;
    const approved = await publicEntry("assistance.approved", approvedTitle, payeeName);
    expect(approved.values).toEqual({ members: memberCount, amount: yuan(expectedFen) });
    expect(await seriousViolations(page), "axe: approved case").toEqual([]);
  });

  it("shows the public 低保 lists with their 镇区, and the case's community publicity as ended", async () => {
    const page = await (
      await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 } })
    ).newPage();
    await page.goto(`${server.baseUrl}/assistance/lists`);
    const select = page.getByTestId("assistance-list-select");
    await select.waitFor();
    await select.click();
    await select.locator("input").fill(caseNumber);
    const option = page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: caseNumber })
      .first();
    expect(await option.textContent()).toContain("石岐区");
    await option.click();
    await closeDropdowns(page);
    // Its 7 working days ended before today (by the server's clock): still 公示中 in the record, shown as ended.
    await expect.poll(async () => page.getByTestId("assistance-list-state").textContent()).toBe("公示期已结束");
    await expect.poll(async () => page.getByTestId("assistance-list-entries").textContent()).toContain("*");
    await screenshot(page, "assistance-public-list-ended");
    expect(await seriousViolations(page), "axe: public 低保 lists").toEqual([]);
  });

  it("runs and approves the month's payroll and exports a bank file that pays the case its dibao", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/assistance/payroll`);
    await pickDate(await inputOf(page, "assistance-payroll-month"), month);
    await page.getByTestId("assistance-payroll-run").click();
    const summary = page.getByTestId("assistance-payroll-summary");
    await summary.waitFor();
    // The lines table masks the account: find the case by its payee and the account's last four digits.
    const linesTable = page.getByTestId("assistance-payroll-lines");
    const ourLine = linesTable
      .locator("tr", { hasText: payeeName })
      .filter({ hasText: `****${BANK_ACCOUNT.slice(-4)}` });
    await expect.poll(async () => ourLine.textContent()).toContain(yuan(expectedFen));
    const lineCells = await ourLine.locator("td").allTextContents();
    expect(lineCells.slice(0, 5)).toEqual([payeeName, "石岐区", month, String(memberCount), yuan(expectedDibaoFen)]);
    expect(lineCells.slice(5, 8)).toEqual([yuan(SUPPLEMENT_FEN), "0.00", yuan(expectedFen)]);
    await page.getByTestId("assistance-payroll-approve").click();
    await page.getByTestId("assistance-payroll-approve-confirm").click();
    await page.getByTestId("assistance-payroll-export-csv").waitFor();
    const totalYuan = ((await page.getByTestId("assistance-payroll-total").textContent()) ?? "").trim();

    // The summary adds up: categories to the total, 镇区 rows to the total, all to the fen.
    const summaryText = (await summary.textContent()) ?? "";
    const category = (label: string) =>
      fen(new RegExp(`${label}：?\\s*(-?\\d+\\.\\d{2})`).exec(summaryText)?.[1] ?? "x");
    expect(
      category("低保金（元）") +
        category("分类救助金（元）") +
        category("价格临时补贴（元）") +
        category("补发/调整（元）"),
    ).toBe(fen(totalYuan));
    const townTotals = await page
      .getByTestId("assistance-payroll-towns")
      .locator("tbody tr.ant-table-row td:last-child")
      .allTextContents();
    expect(townTotals.reduce((sum, value) => sum + fen(value), 0)).toBe(fen(totalYuan));
    // The approval remounts the lines table (shown with the export buttons): wait until it has loaded again.
    await expect.poll(async () => linesTable.locator('[class*="spin-spinning"], [class*="spin-blur"]').count()).toBe(0);
    await expect.poll(async () => linesTable.locator("tbody tr", { hasText: payeeName }).count()).toBe(1);
    await page.waitForTimeout(600); // cosmetic only: the loading overlay fades out before the screenshot
    await screenshot(page, "assistance-payroll-summary");
    expect(await seriousViolations(page), "axe: payroll").toEqual([]);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("assistance-payroll-export-csv").click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(
      `最低生活保障发放-${month.slice(0, 4)}年${Number(month.slice(5))}月.csv`,
    );
    const csv = (await readDownload(await csvDownload.path())).toString("utf8").replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n").filter((line) => line.length > 0);
    expect(lines[0]).toBe("账号,户名,金额（元）,案件编号,镇区");
    const body = lines.slice(1, -1).map((line) => line.split(","));
    const totalRow = lines[lines.length - 1].split(",");
    expect(body.length).toBeGreaterThan(1);
    let sum = 0;
    for (const [account, name, amount, number] of body) {
      expect(account).toMatch(/^\d{12,19}$/);
      expect(name.length).toBeGreaterThan(0);
      expect(amount).toMatch(/^\d+\.\d{2}$/);
      expect(number.length).toBeGreaterThan(0);
      sum += fen(amount);
    }
    expect(totalRow[0]).toBe("合计");
    expect(totalRow[1]).toBe(`${body.length} 户`);
    expect(fen(totalRow[2])).toBe(sum);
    expect(fen(totalYuan)).toBe(sum);
    const ours = body.find((row) => row[3] === caseNumber);
    expect(ours, `bank row of ${caseNumber}`).toBeDefined();
    expect(ours![0]).toBe(BANK_ACCOUNT);
    expect(ours![1]).toBe(payeeName);
    expect(fen(ours![2])).toBe(expectedFen);
    expect(ours![4], "the 镇区 column names the 镇区, never its code").toBe("石岐区");

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("assistance-payroll-export-xlsx").click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    // exceljs types want an ArrayBuffer; it reads a Node Buffer (as the API tests of the bank file do).
    await workbook.xlsx.load((await readDownload(await xlsxDownload.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push([1, 2, 3, 4, 5].map((column) => String(row.getCell(column).value ?? ""))));
    expect(cells.slice(1).map((row) => row.join(","))).toEqual(lines.slice(1));
  });
});

async function readDownload(path: string | null): Promise<Buffer> {
  if (!path) throw new Error("download failed");
  const { readFile } = await import("node:fs/promises");
  return readFile(path);
}
