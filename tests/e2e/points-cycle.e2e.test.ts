import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import {
  choose,
  daysIntoPointsWindow,
  launchBrowser,
  makeDataFolder,
  screenshot,
  SCREENSHOT_DIR,
  seriousViolations,
  signIn,
  startServerOn,
  type RunningServer,
  sessionApi,
} from "./harness";

// One whole yearly cycle of the points service in the browser (GitHub issue 4), on the demo data's current
// cycle: the programme admin imports hukou quotas (石岐区: 2 places), three migrants of 石岐区 apply for hukou
// (the demo `resident` 唐俊 by herself in the portal, two more at the clerk's counter), the clerk and the
// education verifier check the resident's evidence, the admin ranks and publishes, the resident objects to the
// second-ranked applicant's college degree, the verifier corrects it and upholds the objection, the list is
// republished as version 2 with its differences, and — after a restart with the server's clock 30 days later, past
// the end of publicity — the final list is published and the resident downloads her notice PDF. From May to August
// (no cycle open) the server's clock starts on 15 September.
//
// Scores (policies/zhongshan/points/2014, 石岐区 has no town bonus): college 60, residence permit 5 a year; the
// hukou threshold is 60. 甲 college + 4 years = 80, 乙 college + 3 years = 75, 唐俊 college + 2 years = 70.
// After the correction 乙 has senior secondary 30 + 15 = 45: below the threshold, unranked.

// A fact is shown by its label, its code, or both (the screens are moving from codes to labels).
const DEGREE = /文化程度|education/;
const PERMIT_YEARS = /办理居住证年限|residence_permit_years/;

const START_OFFSET_DAYS = daysIntoPointsWindow(new Date());
// Five working days of publicity end well within 30 days, even across the Spring Festival holiday.
const AFTER_PUBLICITY_OFFSET_DAYS = START_OFFSET_DAYS + 30;

let dataDir = "";
let server: RunningServer;
let browser: Browser;

interface Applicant {
  personId: string;
  name: string;
  idNumber: string;
  permitYears: number;
}
const applicants: { first: Applicant; second: Applicant; resident: Applicant } = {} as never;
let firstListId = "";

/** The one browser function the test calls inside the page (the project's TypeScript has no DOM types). */
interface BrowserWindow {
  getComputedStyle: (element: unknown) => { opacity: string };
}

beforeAll(async () => {
  dataDir = makeDataFolder();
  server = await startServerOn(dataDir, { clockOffsetDays: START_OFFSET_DAYS });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function signInAs(username: string): Promise<Page> {
  return signIn(browser, server.baseUrl, username, { acceptDownloads: true });
}

const api = sessionApi;

/** Types a date into an antd DatePicker and clicks that day in its panel (Enter would also submit the form). */
async function pickDate(page: Page, picker: Locator, date: string): Promise<void> {
  await picker.click();
  await picker.fill(date);
  await page.locator(`.ant-picker-dropdown:visible td[title="${date}"]`).click();
  await expect.poll(async () => page.locator(".ant-picker-dropdown:visible").count()).toBe(0);
}

const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** Declares or enters one fact on a case file page (resident: with an evidence file). */
async function enterFact(page: Page, label: string, value: string, evidence: boolean): Promise<void> {
  const form = page.getByTestId("points-declare-form");
  await choose(page, form.getByTestId("points-declare-fact"), label, label);
  if (value === "大专") await choose(page, form.locator(".ant-select").nth(1), "大专");
  else await form.locator(".ant-input-number input").fill(value);
  if (evidence)
    await form
      .locator("input[type=file]")
      .setInputFiles({ name: `${label}.pdf`, mimeType: "application/pdf", buffer: tinyPdf });
  await form.getByTestId("points-declare-submit").click();
}

/** Applies for hukou in the current cycle (insurance paid last month, 36 months of continuous work). */
async function applyForHukou(page: Page): Promise<void> {
  const form = page.getByTestId("points-apply-form");
  await choose(page, form.getByTestId("points-apply-cycle"), "年度流动人员积分制申请");
  await choose(page, form.getByTestId("points-apply-purpose"), "积分入户");
  await form.getByTestId("points-apply-insurance").click();
  await form.locator(".ant-input-number input").fill("36");
  await form.getByTestId("points-apply-submit").click();
  await expect.poll(async () => page.getByTestId("points-me-applications").textContent()).toContain("积分入户");
}

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Chooses two working-age migrants of 石岐区 with three-character names from the demo registry (not the resident). */
async function findTwoMigrants(page: Page, residentPersonId: string): Promise<Applicant[]> {
  const today = new Date(Date.now() + START_OFFSET_DAYS * 86_400_000).toISOString().slice(0, 10);
  const households = await api<{ items: { id: string }[] }>(
    page,
    "GET",
    "/households?q=%E7%9F%B3%E5%B2%90&pageSize=50",
  );
  const found: Applicant[] = [];
  for (const household of households.items) {
    const detail = await api<{ members: { personId: string }[] }>(page, "GET", `/households/${household.id}`);
    for (const member of detail.members) {
      if (member.personId === residentPersonId) continue;
      const person = await api<{
        id: string;
        name: string;
        idNumber: string;
        hukouType: string;
        birthDate: string;
        gender: string;
      }>(page, "GET", `/persons/${member.personId}`);
      const age = ageOn(person.birthDate, today);
      const workingAge = age >= 25 && age <= (person.gender === "male" ? 55 : 45);
      if (person.hukouType !== "migrant" || !workingAge || person.name.length !== 3) continue;
      if (found.some((other) => other.name[0] === person.name[0] && other.name[2] === person.name[2])) continue;
      found.push({ personId: person.id, name: person.name, idNumber: person.idNumber, permitYears: 0 });
      if (found.length === 2) return found;
    }
  }
  throw new Error(`only ${found.length} working-age migrants with three-character names found in 石岐区`);
}

const masked = (name: string) => (name.length === 2 ? `${name[0]}*` : `${name[0]}*${name.slice(2)}`);

/**
 * Opens the newest version of 石岐区's hukou list. The demo year publishes lists for every other 镇区 and purpose
 * (and the previous cycle's), so the list is chosen by its title, typed to filter the long selector.
 */
async function openShiqiHukouList(page: Page): Promise<void> {
  await page.getByTestId("points-list-select").waitFor();
  await choose(page, page.getByTestId("points-list-select"), "石岐区积分入户", "石岐区积分入户");
  await expect.poll(async () => page.getByTestId("points-list-entries").textContent()).toContain("*");
}

async function entryRows(page: Page): Promise<string[][]> {
  const rows = await page.getByTestId("points-list-entries").locator("tbody tr.ant-table-row").all();
  return Promise.all(rows.map(async (row) => (await row.locator("td").allTextContents()).map((text) => text.trim())));
}

describe("a whole points cycle in the browser", () => {
  it("the programme admin imports the hukou quotas from a CSV file", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/points/cycles`);
    await page.getByTestId("points-quotas").waitFor();
    const csv = "town_code,purpose,grade,places\nshiqi,hukou,,2\nxiaolan,hukou,,10\n";
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "hukou-quotas.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const hukouRows = page.getByTestId("points-quotas").locator("tbody tr", { hasText: "积分入户" });
    await expect.poll(async () => hukouRows.count()).toBe(2);
    expect(
      (await hukouRows.filter({ hasText: "石岐区" }).locator("td").allTextContents()).map((text) => text.trim()),
    ).toContain("2");
    await screenshot(page, "points-cycle-quotas");
    expect(await seriousViolations(page), "axe: cycles and quotas").toEqual([]);
  });

  it("three migrants of 石岐区 apply: the resident in the portal, two at the clerk's counter", async () => {
    const resident = await signInAs("resident");
    const me = await api<{ user: { personId: string } }>(resident, "GET", "/auth/me");
    const profile = await api<{ person: { name: string; idNumber: string } }>(resident, "GET", "/me/profile");
    applicants.resident = {
      personId: me.user.personId,
      name: profile.person.name,
      idNumber: profile.person.idNumber,
      permitYears: 2,
    };

    await resident.goto(`${server.baseUrl}/console/points/me`);
    await resident.getByTestId("points-enrol-permit").fill("GD4420123456");
    await pickDate(resident, resident.getByTestId("points-enrol-form").locator(".ant-picker input"), "2019-03-01");
    await resident.getByTestId("points-enrol-submit").click();
    await expect.poll(async () => resident.getByTestId("points-me-status").textContent()).toContain("已纳入积分制管理");
    await enterFact(resident, "文化程度", "大专", true);
    await expect.poll(async () => resident.getByTestId("points-me-facts").textContent()).toMatch(DEGREE);
    await enterFact(resident, "办理居住证年限", "2", true);
    await expect.poll(async () => resident.getByTestId("points-me-facts").textContent()).toMatch(PERMIT_YEARS);
    expect(await resident.getByTestId("points-me-facts").textContent()).toContain("已申报待核实");
    // A school application asks where the family lives as a community of her 镇区, never as grid coordinates.
    const form = resident.getByTestId("points-apply-form");
    await choose(resident, form.getByTestId("points-apply-purpose"), "积分入学");
    expect(await form.textContent()).not.toMatch(/坐标|X（米）/);
    await form.getByTestId("points-apply-submit").click();
    await expect.poll(async () => form.textContent()).toContain("请选择居住的社区（村）");
    await form.getByTestId("points-apply-community").click();
    await expect
      .poll(async () => resident.locator(".ant-select-dropdown:visible .ant-select-item-option").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^石岐.社区（示例）$/)]));
    await screenshot(resident, "points-apply-school-community");
    expect(await seriousViolations(resident), "axe: the school application's community choice").toEqual([]);
    await resident.keyboard.press("Escape");
    await applyForHukou(resident);
    await screenshot(resident, "points-cycle-resident-applied");
    expect(await seriousViolations(resident), "axe: 我的积分 after applying").toEqual([]);

    const clerk = await signInAs("clerk.shiqi");
    const [first, second] = await findTwoMigrants(clerk, me.user.personId);
    applicants.first = { ...first, permitYears: 4 };
    applicants.second = { ...second, permitYears: 3 };
    for (const applicant of [applicants.first, applicants.second]) {
      await clerk.goto(`${server.baseUrl}/console/points/counter`);
      const picker = clerk.getByTestId("points-counter-person");
      await picker.click();
      await picker.locator("input").fill(applicant.idNumber);
      await clerk.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: applicant.name }).click();
      // Not enrolled yet: the counter offers to enrol instead of answering "not found".
      await expect
        .poll(async () => clerk.getByTestId("points-counter-not-enrolled").textContent())
        .toContain("尚未纳入积分制管理");
      await clerk.getByTestId("points-counter-permit").fill(`GD${applicant.idNumber.slice(-8)}`);
      await pickDate(clerk, clerk.getByTestId("points-counter-form").locator(".ant-picker input"), "2018-06-01");
      if (applicant === applicants.first) await screenshot(clerk, "points-cycle-counter");
      if (applicant === applicants.first) expect(await seriousViolations(clerk), "axe: counter").toEqual([]);
      await clerk.getByTestId("points-counter-enrol").click();
      await clerk.waitForURL(/\/console\/points\/enrolments\/[0-9a-f-]{36}$/);
      await expect.poll(async () => clerk.getByTestId("points-me-title").textContent()).toContain(applicant.name);
      await enterFact(clerk, "文化程度", "大专", false);
      await expect.poll(async () => clerk.getByTestId("points-me-facts").textContent()).toMatch(DEGREE);
      await enterFact(clerk, "办理居住证年限", String(applicant.permitYears), false);
      await expect.poll(async () => clerk.getByTestId("points-me-facts").textContent()).toMatch(PERMIT_YEARS);
      await applyForHukou(clerk);
      const total = applicant === applicants.first ? "80.00" : "75.00";
      await expect.poll(async () => clerk.getByTestId("points-me-applications").textContent()).toContain(total);
    }
    await screenshot(clerk, "points-cycle-counter-case-file");
  });

  it("the clerk confirms one declared fact and sends the degree to the education bureau, whose verifier confirms it", async () => {
    const clerk = await signInAs("clerk.shiqi");
    await clerk.goto(`${server.baseUrl}/console/points/queue`);
    const facts = clerk.getByTestId("points-queue-facts");
    await expect.poll(async () => facts.locator("tbody tr.ant-table-row").count()).toBe(2);
    await screenshot(clerk, "points-cycle-queue-clerk");
    await facts.locator("tr.ant-table-row", { hasText: PERMIT_YEARS }).getByTestId("points-queue-confirm").click();
    await expect.poll(async () => facts.locator("tbody tr.ant-table-row").count()).toBe(1);
    await facts.locator("tr.ant-table-row", { hasText: DEGREE }).getByTestId("points-queue-send").click();
    await expect.poll(async () => facts.locator("tbody tr.ant-table-row").count()).toBe(0);

    const verifier = await signInAs("verifier.education");
    await verifier.goto(`${server.baseUrl}/console/points/queue`);
    const row = verifier.getByTestId("points-queue-facts").locator("tr.ant-table-row", { hasText: DEGREE });
    await expect.poll(async () => row.textContent()).toContain("部门核查中");
    await choose(verifier, row.getByTestId("points-queue-decision"), "确认");
    await row.getByTestId("points-queue-reason").fill("学信网核验大专学历属实");
    // Whose fact it is (masked for a verifier) and the evidence by its file name.
    expect(await row.textContent()).toContain(masked(applicants.resident.name));
    expect(await row.getByTestId("points-queue-file").allTextContents()).toEqual(["文化程度.pdf"]);
    await screenshot(verifier, "points-cycle-queue-verifier");
    expect(await seriousViolations(verifier), "axe: verifier's queue").toEqual([]);
    await row.getByTestId("points-queue-decide").click();
    await expect.poll(async () => verifier.locator(".ant-popconfirm").textContent()).toContain("重新计算");
    expect(await verifier.getByTestId("points-queue-confirm").count()).toBe(0);
    const caseLink = row.locator("a").first();
    const caseHref = await caseLink.getAttribute("href");
    await verifier.getByTestId("points-queue-decide-confirm").click();
    await expect
      .poll(async () => verifier.getByTestId("points-queue-facts").locator("tbody tr.ant-table-row").count())
      .toBe(0);
    // The education bureau reports no deductions: no 扣分事项登记 in its menu.
    expect(await verifier.getByTestId("console-menu").textContent()).not.toContain("扣分事项登记");
    // The verifier's view of the applicant's file: titled for checking, the name masked, no counter or resident forms.
    await verifier.goto(`${server.baseUrl}${caseHref}`);
    const title = verifier.getByTestId("points-me-title");
    await expect.poll(async () => title.textContent()).toContain("积分核查");
    expect(await title.textContent()).toContain(masked(applicants.resident.name));
    expect(await title.textContent()).not.toContain(applicants.resident.name);
    for (const control of ["points-fraud", "points-declare-form", "points-apply-form"])
      expect(await verifier.getByTestId(control).count()).toBe(0);
    await screenshot(verifier, "points-cycle-verifier-case");

    const resident = await signInAs("resident");
    await resident.goto(`${server.baseUrl}/console/points/me`);
    await expect.poll(async () => resident.getByTestId("points-me-applications").textContent()).toContain("70.00");
    expect(await resident.getByTestId("points-me-facts").textContent()).not.toContain("已申报待核实");
    // 我的积分 explains the score clause by clause (as the self-check does): 大专 60 and the residence permit 10.
    const breakdown = resident.getByTestId("points-me-breakdown");
    await expect.poll(async () => breakdown.textContent()).toContain("文化程度");
    expect(await breakdown.textContent()).toMatch(/文化程度60/);
    expect(await resident.getByTestId("points-me-facts").textContent()).toContain("大专");
    await screenshot(resident, "points-cycle-resident-breakdown");
  });

  it("the programme admin ranks the applications, reviews the run and publishes it", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/points/cycles`);
    await page.getByTestId("points-run").click();
    const runRow = page.getByTestId("points-runs").locator("tr.ant-table-row").first();
    // The ranking and the publication run as jobs: the table is read again when the job's progress bar ends.
    await expect.poll(async () => runRow.textContent(), { timeout: 20_000 }).toContain("已完成，待发布");
    await runRow.locator(".ant-table-row-expand-icon").click();
    // The run covers the demo year's applicants in every other 镇区 too: the review is narrowed to 石岐区.
    await choose(page, page.getByTestId("points-run-summary-town"), "石岐区", "石岐");
    const shiqiRows = page.getByTestId("points-run-summary").locator("tr.ant-table-row");
    await expect
      .poll(async () => (await shiqiRows.allTextContents()).every((text) => text.includes("石岐区")))
      .toBe(true);
    const summary = shiqiRows.filter({ hasText: "石岐区" }).filter({ hasText: "积分入户" });
    await expect.poll(async () => summary.textContent()).toContain("积分入户");
    expect((await summary.locator("td").allTextContents()).map((text) => text.trim())).toEqual([
      "积分入户",
      "石岐区",
      "—",
      "2",
      "3",
      "3",
      "2",
      "0",
      "75.00",
    ]);
    await screenshot(page, "points-cycle-run-review");
    // The hashes are not table columns: they sit, explained for auditors, under 核验信息 in the expanded row.
    const header = await page.getByTestId("points-runs").locator("thead").first().textContent();
    expect(header).not.toMatch(/摘要|指纹|SHA/);
    const verification = page.getByTestId("points-run-verification");
    await verification.locator(".ant-collapse-header").click();
    await expect.poll(async () => verification.textContent()).toContain("供审计和复核使用");
    expect(await verification.locator("code").allTextContents()).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(await seriousViolations(page), "axe: run review with its verification details").toEqual([]);
    await runRow.getByTestId("points-run-publish").click();
    await expect.poll(async () => page.locator(".ant-popconfirm").textContent()).toContain("公示期");
    await screenshot(page, "points-cycle-publish-confirm");
    await page.getByTestId("points-run-publish-confirm").click(); // the step asks first, naming its consequence
    await expect.poll(async () => runRow.textContent(), { timeout: 20_000 }).toContain("公示中");
  });

  it("shows the published list to anyone: ranks and results with masked names and ID numbers", async () => {
    const page = await (
      await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 } })
    ).newPage();
    await page.goto(`${server.baseUrl}/points/lists`);
    await openShiqiHukouList(page);
    const rows = await entryRows(page);
    expect(rows.map((cells) => [cells[0], cells[1]])).toEqual([
      ["1", masked(applicants.first.name)],
      ["2", masked(applicants.second.name)],
      ["3", masked(applicants.resident.name)],
    ]);
    expect(rows.map((cells) => cells.slice(4).join(" "))).toEqual([
      expect.stringContaining("80.00"),
      expect.stringContaining("75.00"),
      expect.stringContaining("70.00"),
    ]);
    expect(rows.map((cells) => cells.join(" "))).toEqual([
      expect.stringContaining("录取"),
      expect.stringContaining("录取"),
      expect.stringContaining("未获指标"),
    ]);
    for (const cells of rows) expect(cells[2]).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const content = await page.content();
    for (const applicant of Object.values(applicants)) {
      expect(content).not.toContain(applicant.idNumber);
      expect(content).not.toContain(applicant.name);
    }
    expect(await page.getByTestId("points-list-select").textContent()).toContain("版本 1");
    const lists = (await (
      await page.request.get(`${server.baseUrl}/api/v1/public/publicity/lists?kind=points.hukou&townCode=shiqi`)
    ).json()) as { items: { id: string; version: number }[] };
    expect(lists.items.map((list) => list.version)).toEqual([1]);
    firstListId = lists.items[0].id;
    await screenshot(page, "points-cycle-public-list-v1");
    expect(await seriousViolations(page), "axe: public points list").toEqual([]);
  });

  it("the resident objects to the second-ranked applicant's degree; the clerk forwards it to the education bureau", async () => {
    const resident = await signInAs("resident");
    await resident.goto(`${server.baseUrl}/console/points/lists`);
    await openShiqiHukouList(resident);
    await resident
      .getByTestId("points-list-entries")
      .locator("tr.ant-table-row", { hasText: masked(applicants.second.name) })
      .getByTestId("points-list-object")
      .click();
    await choose(resident, resident.getByTestId("points-objection-indicator"), "文化程度", "文化");
    await resident.getByTestId("points-objection-reason").fill("第2名申请人的大专学历证书系伪造，请教育部门核查");
    await expect
      .poll(async () =>
        resident
          .locator(".ant-modal:visible")
          .evaluate((modal) => (globalThis as unknown as BrowserWindow).getComputedStyle(modal).opacity),
      )
      .toBe("1");
    await screenshot(resident, "points-cycle-objection");
    await resident.getByTestId("points-objection-submit").click();
    await expect.poll(async () => resident.locator(".ant-modal:visible").count()).toBe(0);

    const clerk = await signInAs("clerk.shiqi");
    await clerk.goto(`${server.baseUrl}/console/points/queue`);
    const objection = clerk.getByTestId("points-queue-objections").locator("tr.ant-table-row", { hasText: "伪造" });
    await expect.poll(async () => objection.textContent()).toMatch(DEGREE);
    await screenshot(clerk, "points-cycle-objection-clerk");
    await objection.getByTestId("points-objection-forward").click();
    await expect
      .poll(async () =>
        clerk.getByTestId("points-queue-objections").locator("tr.ant-table-row", { hasText: "伪造" }).count(),
      )
      .toBe(0);

    // The contested degree was entered as checked at the counter; the web app has no button to send a confirmed
    // fact to its department (the queue lists declared facts only), so the clerk's send goes through the API.
    const enrolment = await api<{ id: string }>(
      clerk,
      "GET",
      `/points/enrolments?personId=${applicants.second.personId}`,
    );
    const caseFile = await api<{ facts: { id: string; fact: string }[] }>(
      clerk,
      "GET",
      `/points/enrolments/${enrolment.id}`,
    );
    const degree = caseFile.facts.find((fact) => fact.fact === "education");
    await api(clerk, "POST", `/points/facts/${degree?.id}/send`);
  });

  it("the verifier corrects the degree and upholds the objection", async () => {
    const verifier = await signInAs("verifier.education");
    await verifier.goto(`${server.baseUrl}/console/points/queue`);
    const row = verifier.getByTestId("points-queue-facts").locator("tr.ant-table-row", { hasText: DEGREE });
    await expect.poll(async () => row.textContent()).toContain("部门核查中");
    await choose(verifier, row.getByTestId("points-queue-decision"), "更正");
    await choose(verifier, row.getByTestId("points-queue-value"), "高中/中专");
    await row.getByTestId("points-queue-reason").fill("学信网无此大专学历，按高中认定");
    const objection = verifier.getByTestId("points-queue-objections").locator("tr.ant-table-row", { hasText: "伪造" });
    await expect.poll(async () => objection.textContent()).toMatch(DEGREE);
    await screenshot(verifier, "points-cycle-objection-verifier");
    await row.getByTestId("points-queue-decide").click();
    await expect.poll(async () => verifier.locator(".ant-popconfirm").textContent()).toContain("高中/中专");
    await verifier.getByTestId("points-queue-decide-confirm").click();
    await expect
      .poll(async () => verifier.getByTestId("points-queue-facts").locator("tbody tr.ant-table-row").count())
      .toBe(0);
    // The answer is written before the objection can be decided, and the decision asks first.
    expect(await objection.getByTestId("points-objection-uphold").isDisabled()).toBe(true);
    await objection.getByTestId("points-objection-answer").fill("经学信网核验，该大专学历不实，按高中认定并重新排名");
    await objection.getByTestId("points-objection-uphold").click();
    await expect.poll(async () => verifier.locator(".ant-popconfirm").textContent()).toContain("告知提出人");
    await screenshot(verifier, "points-cycle-objection-answer-confirm");
    await verifier.getByTestId("points-objection-uphold-confirm").click();
    await expect
      .poll(async () =>
        verifier.getByTestId("points-queue-objections").locator("tr.ant-table-row", { hasText: "伪造" }).count(),
      )
      .toBe(0);
    // The list page does not show objection outcomes; the public outcome of the first version is read from the API.
    const outcomes = (await (
      await verifier.request.get(`${server.baseUrl}/api/v1/public/publicity/lists/${firstListId}/objections`)
    ).json()) as { pending: number; items: unknown[] };
    expect(outcomes).toMatchObject({
      pending: 0,
      items: [{ rank: 2, maskedName: masked(applicants.second.name), indicator: "education", status: "upheld" }],
    });

    const clerk = await signInAs("clerk.shiqi");
    const enrolment = await api<{ id: string }>(
      clerk,
      "GET",
      `/points/enrolments?personId=${applicants.second.personId}`,
    );
    await clerk.goto(`${server.baseUrl}/console/points/enrolments/${enrolment.id}`);
    await expect.poll(async () => clerk.getByTestId("points-me-applications").textContent()).toContain("45.00");
    expect(await clerk.getByTestId("points-me-facts").textContent()).toContain("部门已更正");

    // The resident who objected is told the outcome and reads the written answer in her own pages.
    const resident = await signInAs("resident");
    await resident.goto(`${server.baseUrl}/console/points/me`);
    await expect
      .poll(async () => resident.getByTestId("me-notifications").textContent())
      .toContain("经核查成立。答复：经学信网核验");
    expect(await resident.getByTestId("me-objections").textContent()).toMatch(/异议成立.*按高中认定并重新排名/);
    await screenshot(resident, "points-cycle-resident-objection-answered");
  });

  it("the admin ranks again and republishes: version 2 with the differences", async () => {
    const page = await signInAs("programme.admin");
    await page.goto(`${server.baseUrl}/console/points/cycles`);
    await expect.poll(async () => page.getByTestId("points-runs").locator("tr.ant-table-row").count()).toBe(1);
    await page.getByTestId("points-run").click();
    await expect
      .poll(async () => page.getByTestId("points-runs").locator("tr.ant-table-row").count(), { timeout: 20_000 })
      .toBe(2);
    const latest = page.getByTestId("points-runs").locator("tr.ant-table-row", { hasText: "已完成，待发布" });
    await expect.poll(async () => latest.textContent()).toContain("2");
    await latest.getByTestId("points-run-publish").click();
    await page.getByTestId("points-run-publish-confirm").click(); // the step asks first, naming its consequence
    await expect
      .poll(
        async () => page.getByTestId("points-runs").locator("tr.ant-table-row", { hasText: "已完成，待发布" }).count(),
        { timeout: 20_000 },
      )
      .toBe(0);
    const republished = page.getByTestId("points-runs").locator("tr.ant-table-row").first();
    expect(await republished.textContent()).toContain("公示中");
    await republished.getByTestId("points-run-finalise").click();
    await page.getByTestId("points-run-finalise-confirm").click(); // the step asks first, naming its consequence
    // Refused: publicity has not ended. The alert says only "请检查标红的项目" (the refusal names the field endDate,
    // which SubmitErrorAlert turns into "check the fields marked red" though this page has no such field).
    await page.getByTestId("submit-error").waitFor();
    expect(await republished.textContent()).toContain("公示中");
    expect(await page.getByTestId("points-runs").locator("tr.ant-table-row", { hasText: "已正式公布" }).count()).toBe(
      0,
    );
    await screenshot(page, "points-cycle-runs-republished");

    const visitor = await (
      await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 } })
    ).newPage();
    await visitor.goto(`${server.baseUrl}/points/lists`);
    await openShiqiHukouList(visitor);
    await expect.poll(async () => visitor.getByTestId("points-list-select").textContent()).toContain("版本 2");
    const rows = await entryRows(visitor);
    const byName = Object.fromEntries(rows.map((cells) => [cells[1], cells]));
    expect(byName[masked(applicants.first.name)].slice(0, 1)).toEqual(["1"]);
    expect(byName[masked(applicants.resident.name)][0]).toBe("2");
    expect(byName[masked(applicants.resident.name)].join(" ")).toContain("录取");
    expect(byName[masked(applicants.resident.name)].join(" ")).not.toContain("未获指标");
    expect(byName[masked(applicants.second.name)][0]).toBe("—");
    expect(byName[masked(applicants.second.name)].join(" ")).toContain("45.00");
    // The page itself shows what changed since version 1: the second applicant's total fell from 75.00 to 45.00.
    const changes = visitor.getByTestId("points-list-differences");
    await expect.poll(async () => changes.textContent()).toContain(masked(applicants.second.name));
    expect(await changes.textContent()).toContain("75.00 → 45.00");
    await screenshot(visitor, "points-cycle-public-list-v2");

    // The list page shows the version but not what changed; the differences are read from the public API.
    const lists = (await (
      await visitor.request.get(`${server.baseUrl}/api/v1/public/publicity/lists?kind=points.hukou&townCode=shiqi`)
    ).json()) as { items: { id: string; version: number }[] };
    expect(lists.items[0].version).toBe(2);
    const differences = (await (
      await visitor.request.get(`${server.baseUrl}/api/v1/public/publicity/lists/${lists.items[0].id}/differences`)
    ).json()) as {
      previousVersion: number;
      items: { maskedName: string; changed: string[]; after: { rank: number | null } }[];
    };
    expect(differences.previousVersion).toBe(1);
    expect(
      differences.items.map((item) => [item.maskedName, [...item.changed].sort(), item.after.rank]).sort(),
    ).toEqual(
      [
        [masked(applicants.second.name), ["rank", "result", "total"], null],
        [masked(applicants.resident.name), ["rank", "result"], 2],
      ].sort(),
    );
  });

  it("after publicity ends the admin publishes the final list and the resident downloads her notice PDF", async () => {
    await server.stop();
    server = await startServerOn(dataDir, { clockOffsetDays: AFTER_PUBLICITY_OFFSET_DAYS });
    const admin = await signInAs("programme.admin");
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await admin.goto(`${server.baseUrl}/console/points/cycles`);
    const published = admin.getByTestId("points-runs").locator("tr.ant-table-row", { hasText: "公示中" }).first();
    await published.getByTestId("points-run-finalise").click();
    await admin.getByTestId("points-run-finalise-confirm").click(); // the step asks first, naming its consequence
    await expect
      .poll(async () => admin.getByTestId("points-runs").locator("tr.ant-table-row", { hasText: "已正式公布" }).count())
      .toBe(1);
    await screenshot(admin, "points-cycle-final");

    const visitor = await (
      await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 }, acceptDownloads: true })
    ).newPage();
    await visitor.goto(`${server.baseUrl}/points/lists`);
    await openShiqiHukouList(visitor);
    await expect.poll(async () => visitor.locator(".ant-tag", { hasText: "正式公布" }).count()).toBe(1);
    expect(await visitor.getByTestId("points-list-object").count()).toBe(0);
    expect(await visitor.getByTestId("points-list-select").textContent()).toContain("版本 2");
    const [listPdf] = await Promise.all([
      visitor.waitForEvent("download"),
      visitor.getByTestId("points-list-pdf").click(),
    ]);
    const listPdfPath = join(SCREENSHOT_DIR, "points-cycle-final-list.pdf");
    await listPdf.saveAs(listPdfPath);
    expect(readFileSync(listPdfPath).subarray(0, 5).toString()).toBe("%PDF-");
    const listText = execFileSync("pdftotext", ["-layout", listPdfPath, "-"]).toString();
    expect(listText).toContain(masked(applicants.resident.name));
    expect(listText).not.toContain(applicants.resident.idNumber);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      listPdfPath,
      join(SCREENSHOT_DIR, "points-cycle-final-list"),
    ]);
    await screenshot(visitor, "points-cycle-public-list-final");

    const resident = await signInAs("resident");
    await resident.goto(`${server.baseUrl}/console/points/me`);
    const link = resident.getByTestId("points-me-notice");
    await link.waitFor();
    // She is told in the app that the final list is published, with her notice to download.
    const notified = resident.getByTestId("me-notifications");
    await expect.poll(async () => notified.textContent()).toContain("名单已正式公布：第 2 名");
    expect(await resident.getByTestId("me-notification-link").first().getAttribute("href")).toBe(
      await link.getAttribute("href"),
    );
    expect(await resident.getByTestId("points-me-applications").textContent()).toContain("第 2 名 · 录取");
    await screenshot(resident, "points-cycle-resident-final");
    expect(await seriousViolations(resident), "axe: 我的积分 with the final result").toEqual([]);
    const [download] = await Promise.all([resident.waitForEvent("download"), link.click()]);
    const pdfPath = join(SCREENSHOT_DIR, "points-cycle-notice.pdf");
    await download.saveAs(pdfPath);
    const response = await resident.request.get(
      new URL((await link.getAttribute("href")) ?? "", server.baseUrl).toString(),
    );
    expect(response.headers()["content-type"]).toContain("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(pdfPath, body);
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"]).toString();
    expect(text).toContain(applicants.resident.name);
    expect(text).toContain("积分入户");
    expect(text).toContain("70.00");
    expect(text).toContain("第 2 名");
    expect(text).toContain("录取");
    expect(text).not.toContain(applicants.resident.idNumber);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      pdfPath,
      join(SCREENSHOT_DIR, "points-cycle-notice"),
    ]);
    expect(existsSync(join(SCREENSHOT_DIR, "points-cycle-notice-1.png"))).toBe(true);
  });
});
