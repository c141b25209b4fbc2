// Participation in the browser (zh-CN): an organiser confirms a volunteer's hours and the volunteer's points facts
// change with the ledger entries behind them; an anonymous tip-off followed by receipt code to its verified outcome
// and reward; an idea (金点子) reaching its support threshold and getting its answer; the 2016 points-scheme
// consultation with a hidden comment, its closing report and the decision. Screenshots in tmp/screenshots, axe-core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { rmSync } from "node:fs";
import {
  choose,
  daysIntoPointsWindow,
  launchBrowser,
  makeDataFolder,
  screenshot,
  seriousViolations,
  signIn,
  startServer,
  startServerOn,
  type RunningServer,
  sessionApi,
} from "./harness";

let server: RunningServer;
let browser: Browser;

// The resident applies in a points cycle: from May to August (no cycle open) the server's clock is moved into
// the next window, and the demo is planned from that day.
const offsetDays = daysIntoPointsWindow(new Date());
let dataDir = "";

beforeAll(async () => {
  if (offsetDays === 0) server = await startServer();
  else {
    dataDir = makeDataFolder();
    server = await startServerOn(dataDir, { clockOffsetDays: offsetDays });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const signInAs = (username: string): Promise<Page> => signIn(browser, server.baseUrl, username);

async function anonymous(): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 } });
  return context.newPage();
}

const api = sessionApi;

/** The value of one ledger fact on the points case file (0 when the fact is not listed). */
async function ledgerValue(page: Page, fact: string): Promise<number> {
  // (rows are keyed by the fact; the page shows its label only)
  const row = page.getByTestId("points-volunteer-ledger").locator(`tr[data-row-key="${fact}"]`);
  if ((await row.count()) === 0) return 0;
  return Number((await row.locator("td").nth(2).textContent())?.trim());
}

describe("participation in the browser", () => {
  it("an organiser confirms hours: the volunteer's points facts and her application's total change, explained by the ledger", async () => {
    const resident = await signInAs("resident");
    const me = await api<{ user: { personId: string; displayName: string } }>(resident, "GET", "/auth/me");
    await api(resident, "POST", "/points/enrolments", {
      personId: me.user.personId,
      residencePermitNumber: "GD4420654321",
      workStartedOn: "2019-03-01",
    });
    // She applies for public rental housing (a step the portal also offers; here through her session).
    const cycles = await api<{ items: { id: string; opensOn: string; closesOn: string }[] }>(
      resident,
      "GET",
      "/points/cycles",
    );
    const enrolment = await api<{ enrolment: { id: string } }>(resident, "GET", "/points/me");
    const today = (await resident.request.get(`${server.baseUrl}/api/v1/auth/me`)).headers()["x-gongzhi-today"];
    const open = cycles.items.find((cycle) => cycle.opensOn <= today && today <= cycle.closesOn)!;
    const applied = await api<{ id: string; total: number }>(resident, "POST", "/points/applications", {
      enrolmentId: enrolment.enrolment.id,
      cycleId: open.id,
      purpose: "housing",
      conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
    });
    await resident.goto(`${server.baseUrl}/console/points/me`);
    await expect.poll(async () => resident.getByTestId("points-volunteer-ledger").count()).toBe(1);
    const before = await ledgerValue(resident, "volunteer_hours_special_5y");
    expect(before).toBe(23);

    const organiser = await signInAs("organiser");
    await organiser.goto(`${server.baseUrl}/console/participation/organiser`);
    await organiser.getByRole("link", { name: /网络文明宣传夜校/ }).click();
    const row = organiser.getByTestId("roster").locator("tr", { hasText: "唐俊" });
    await expect.poll(async () => row.count()).toBe(1);
    await row.getByTestId("confirm-hours").click();
    const dialog = organiser.locator(".ant-modal:visible");
    await expect.poll(async () => dialog.count()).toBe(1);
    await organiser.getByTestId("confirm-hours-submit").click();
    // (the dialog's text, if it stays open, is the refusal to read; allTextContents does not wait for one)
    await expect.poll(async () => dialog.count(), { message: (await dialog.allTextContents()).join(" ") }).toBe(0);
    await expect.poll(async () => row.textContent()).toContain("2.00");
    await expect.poll(async () => organiser.getByTestId("activity-entries").textContent()).toContain("2.00");
    await screenshot(organiser, "participation-roster");

    await resident.reload();
    await expect.poll(async () => ledgerValue(resident, "volunteer_hours_special_5y")).toBe(before + 2);
    // 25 full special hours earn 2 points (Regulation 二(五)1): her housing application's total rises by 2, and its
    // history says why.
    const after = applied.total + 2;
    await expect
      .poll(async () => resident.getByTestId("points-me-applications").textContent())
      .toContain(after.toFixed(2));
    const file = await api<{ applications: { id: string; total: number; history: { reason: string }[] }[] }>(
      resident,
      "GET",
      "/points/me",
    );
    const rescored = file.applications.find((application) => application.id === applied.id)!;
    expect(rescored.total).toBe(after);
    expect(rescored.history.at(-1)?.reason).toMatch(/志愿服务/);
    await resident
      .getByTestId("points-volunteer-ledger")
      .locator('tr[data-row-key="volunteer_hours_special_5y"]')
      .locator("button")
      .first()
      .click();
    await screenshot(resident, "participation-points-ledger");

    await resident.goto(`${server.baseUrl}/console/participation/me`);
    await expect.poll(async () => resident.getByTestId("my-entries").textContent()).toContain("网络文明宣传夜校");
    await screenshot(resident, "participation-my-volunteering");
    // Past activities she was checked in at say when, and show no code: a code is for checking in, only before the end.
    const past = resident.getByTestId("my-signups").locator("tr", { hasText: "网络文明宣传夜校" });
    expect(await past.textContent()).toMatch(/已于 2026-12-04 \d{2}:\d{2} 签到/);
    expect(await past.getByTestId("show-token-qr").count()).toBe(0);
    // The check-in code of a confirmed sign-up, as a QR code in a dialog, with the code itself beneath.
    const signup = resident.getByTestId("my-signups").locator("tr", { has: resident.getByTestId("show-token-qr") });
    const token = (await signup.first().locator("code").textContent())!.trim();
    await signup.first().getByTestId("show-token-qr").click();
    const qr = resident.getByTestId("token-qr").locator("img");
    await expect.poll(async () => qr.count()).toBe(1);
    expect(await qr.getAttribute("alt")).toMatch(/^“.+”的签到二维码$/);
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await resident.locator(".ant-modal:visible code").textContent()).toBe(token);
    expect(await seriousViolations(resident)).toEqual([]);
    await screenshot(resident, "participation-check-in-qr");
    await resident.keyboard.press("Escape");
    const certificate = await resident.request.get(`${server.baseUrl}/api/v1/participation/me/certificate`);
    expect(certificate.headers()["content-type"]).toBe("application/pdf");

    const visitor = await anonymous();
    await visitor.goto(`${server.baseUrl}/campaigns/xiushen`);
    await expect.poll(async () => visitor.getByTestId("table-hours-by-category").textContent()).toContain("网络文明");
    expect(await visitor.getByTestId("chart-hours-by-category").locator("canvas").count()).toBe(1);
    const ideas = (await (
      await visitor.request.get(`${server.baseUrl}/api/v1/suggestions/campaigns/xiushen/figures`)
    ).json()) as {
      proposed: number;
      adopted: number;
    };
    expect(ideas.proposed).toBeGreaterThan(0);
    await expect
      .poll(async () => visitor.getByTestId("suggestions-adopted").textContent())
      .toBe(`采纳的金点子${ideas.adopted}`);
    expect(await visitor.getByTestId("suggestions-proposed").textContent()).toBe(`收到金点子${ideas.proposed}`);
    await screenshot(visitor, "participation-campaign-public");
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it("an anonymous tip-off is followed by receipt code to its verified outcome and reward", async () => {
    const reporter = await anonymous();
    await reporter.goto(`${server.baseUrl}/tipoffs/report`);
    await choose(reporter, reporter.getByTestId("tipoff-category"), "涉毒线索");
    await choose(reporter, reporter.getByTestId("tipoff-town"), "石岐区", "石岐");
    await reporter.getByLabel("地点").fill("石岐区某出租屋");
    await reporter.getByLabel("情况描述").fill("夜间经常有陌生人进出，疑似吸毒。");
    expect(await seriousViolations(reporter)).toEqual([]);
    await reporter.getByTestId("tipoff-submit").click();
    const code = (await reporter.getByTestId("receipt-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    const reference = (await reporter
      .locator(".ant-descriptions-item", { hasText: "编号" })
      .locator(".ant-descriptions-item-content")
      .textContent())!.trim();
    await screenshot(reporter, "tipoffs-receipt");

    const officer = await signInAs("verifier.publicsecurity");
    await officer.goto(`${server.baseUrl}/console/tipoffs`);
    await officer.getByRole("link", { name: reference }).click();
    await expect.poll(async () => officer.getByTestId("tipoff-reporter").textContent()).toContain("匿名");
    await officer.getByTestId("tipoff-take").click();
    await officer.getByTestId("tipoff-verdict").getByText("属实", { exact: true }).click();
    await officer.getByLabel("说明（举报人可见）").fill("经查属实，已依法处理。");
    await officer.getByTestId("tipoff-decide").click();
    await officer.getByLabel("金额（元）").fill("800");
    await officer.getByLabel("领取方式").fill("凭回执码到市禁毒办领取。");
    await officer.getByTestId("tipoff-reward-submit").click();
    await expect.poll(async () => officer.getByTestId("staff-reward").textContent()).toContain("800");
    await screenshot(officer, "tipoffs-officer");

    await reporter.goto(`${server.baseUrl}/tipoffs/follow`);
    await reporter.getByTestId("follow-code").fill(code.toLowerCase().replaceAll("-", " "));
    await reporter.getByTestId("follow-submit").click();
    await expect.poll(async () => reporter.getByTestId("tipoff-state").first().textContent()).toBe("属实");
    await expect.poll(async () => reporter.getByTestId("tipoff-reward").textContent()).toContain("800");
    await screenshot(reporter, "tipoffs-follow");
    expect(await seriousViolations(reporter)).toEqual([]);
  });

  it("an idea reaches its support threshold and the owning department answers it", async () => {
    const resident = await signInAs("resident");
    await resident.goto(`${server.baseUrl}/suggestions`);
    await resident.getByRole("link", { name: /岐江河沿岸步道/ }).click();
    await expect.poll(async () => resident.getByTestId("suggestion-supports").textContent()).toBe("99 / 100");
    await resident.getByTestId("suggestion-support").click();
    await expect.poll(async () => resident.getByTestId("suggestion-supports").textContent()).toBe("100 / 100");
    expect(await resident.getByTestId("suggestion-threshold").textContent()).toMatch(/\d{4}-\d{2}-\d{2} 前公开答复/);
    await screenshot(resident, "suggestions-threshold");

    const officer = await signInAs("verifier.publicsecurity");
    await officer.goto(`${server.baseUrl}/console/suggestions`);
    await officer.getByRole("link", { name: /岐江河沿岸步道/ }).click();
    await officer.getByTestId("suggestion-outcome").getByText("部分采纳", { exact: true }).click();
    await officer.getByLabel(/答复/).fill("部分采纳：先在石岐段设置 3 个夜间巡逻点，报警柱纳入明年预算。");
    await officer.getByTestId("suggestion-answer-submit").click();
    await expect.poll(async () => officer.getByTestId("suggestion-answer").textContent()).toContain("巡逻点");
    await screenshot(officer, "suggestions-answered");
    expect(await seriousViolations(officer)).toEqual([]);
  });

  it("the 2016 points-scheme consultation: a hidden comment, the closing report and the decision", async () => {
    const officer = await signInAs("policy.officer");
    await officer.goto(`${server.baseUrl}/consultations`);
    await officer.getByRole("link", { name: /流动人员积分制管理规定/ }).click();
    await expect.poll(async () => officer.getByTestId("hidden-comment").count()).toBe(1);
    expect(await officer.getByTestId("hidden-comment").textContent()).toContain("理由");
    await officer.getByTestId("hide-comment").first().click();
    await choose(officer, officer.getByTestId("hide-rule"), "广告");
    await officer.getByLabel("理由（将显示在原处）").fill("与征求意见无关的推广（示例）。");
    await officer.getByTestId("hide-submit").click();
    await expect.poll(async () => officer.getByTestId("hidden-comment").count()).toBe(2);
    await officer.getByLabel("报告概述").fill("共收到意见 6 条，2 条依规隐藏，其余逐组答复如下。");
    const responses = officer.getByTestId("group-response");
    for (let index = 0; index < (await responses.count()); index += 1)
      await responses.nth(index).fill("已研究，采纳并在正式文件中体现。");
    await officer.getByTestId("report-submit").click();
    await expect.poll(async () => officer.getByTestId("consultation-report").count()).toBe(1);
    await officer.getByLabel("决定名称").fill("中山市流动人员积分制管理规定");
    await officer.getByLabel("决定内容").fill("经公开征求意见修改后印发施行。");
    await officer.getByTestId("decision-submit").click();
    await expect
      .poll(async () => officer.getByTestId("consultation-decision").textContent())
      .toContain("查看征求意见情况报告");

    const visitor = await anonymous();
    await visitor.goto(officer.url());
    await expect.poll(async () => visitor.getByTestId("consultation-report").textContent()).toContain("采纳");
    expect(await visitor.getByTestId("hidden-comment").count()).toBe(2);
    await screenshot(visitor, "consultations-public");
    expect(await seriousViolations(visitor)).toEqual([]);
  });
});
