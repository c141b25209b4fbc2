/**
 * Purchased services and the innovation fund in the browser (Chromium, zh-CN), on the demo data planned from today:
 * a vendor bids; a reviewer recuses from one vendor and scores the rest; the programme admin awards and signs the
 * contract; the winning vendor reports progress and recommends assistance; the survey is answered in the browser;
 * the evaluation raises "agreement needs improvement" and the department records its change; the 镇区 clerk
 * approves the recommendation, which is forwarded to the assistance desk as a referral and declined there. Fund: a clerk applies with budget lines; the final payment follows the accepted final
 * report; after the deadline (server restarted 21 days later) the admin ranks and funds, and the applicant sees it.
 * Every screen is saved under tmp/screenshots/ and checked with axe-core.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  choose,
  DEMO_PASSWORD,
  launchBrowser,
  makeDataFolder,
  screenshot,
  seriousViolations,
  signIn,
  startServerOn,
  type RunningServer,
} from "./harness";

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = makeDataFolder({ demo: true });
  server = await startServerOn(dataDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A signed-in API client for set-up steps that are not what the test is about. */
async function api(username: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Types a date into an antd DatePicker found by its test id; Enter takes it and submits the form it is in. */
async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

const vendorUsernames: Record<string, string> = {
  中山市共治社会工作服务中心: "vendor",
  中山市康宁社会工作服务中心: "vendor.kangning",
  中山市颐乐养老服务中心: "vendor.yile",
};

describe("purchased services in the browser", () => {
  let needId: string;
  let contractId: string;

  it("a vendor bids on an open need; the bid stays its own", async () => {
    const page = await signIn(browser, server.baseUrl, "vendor");
    await page.goto(`${server.baseUrl}/console/services/vendor`);
    await page.getByTestId("vendor-card").waitFor();
    await page.getByTestId("vendor-bid-open").first().click();
    await page.getByTestId("bid-price").fill("452000");
    await page.getByTestId("bid-plan").fill("驻点社工 4 名，个案 60 个，小组 12 个，社区活动 8 场。");
    await page.getByTestId("bid-team").fill("中级社工师 1 名、助理社工师 3 名");
    await page.getByTestId("bid-submit").click();
    await expect.poll(() => page.getByTestId("vendor-own-bid").textContent()).toContain("452000.00");
    await screenshot(page, "services-vendor-portal");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a reviewer declares a conflict with one vendor (recused) and scores the others", async () => {
    const page = await signIn(browser, server.baseUrl, "reviewer");
    await page.goto(`${server.baseUrl}/console/services/panel`);
    await page.getByTestId("panel-vendors").waitFor();
    await page.getByTestId("panel-conflict").first().check();
    await page.getByTestId("panel-declare").click();
    await page.getByTestId("panel-recused").waitFor();
    const bids = page.getByTestId("panel-bid");
    await expect.poll(() => bids.count()).toBe(2);
    for (let index = 0; index < 2; index += 1) {
      const card = bids.nth(index);
      await card.getByTestId("score-plan").fill(String(82 + index));
      await card.getByTestId("score-staff").fill("78.5");
      await card.getByTestId("score-past").fill("80");
      await card.getByTestId("score-save").click();
      await expect.poll(() => card.textContent()).toContain("我的评分");
    }
    await screenshot(page, "services-panel");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("the programme admin awards to the top of the ranking and signs the contract", async () => {
    const page = await signIn(browser, server.baseUrl, "programme.admin");
    await page.goto(`${server.baseUrl}/console/services/needs`);
    await page.getByTestId("services-needs").getByRole("link", { name: "小榄镇长者关爱服务项目" }).click();
    await page.getByTestId("services-results").waitFor();
    needId = page.url().split("/").pop()!;
    await expect.poll(() => page.getByTestId("award-reason").textContent()).toContain("按排名第一评定");
    await screenshot(page, "services-need-results");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("need-award").click();
    await page.getByTestId("contract-sign").waitFor();
    const need = (await (await fetch(`${server.baseUrl}/api/v1/services/needs/${needId}`)).json()) as {
      periodStart: string;
      status: string;
    };
    expect(need.status).toBe("awarded");
    await page.getByTestId("milestone-title-0").fill("入户摸底和需求评估");
    await pickDate(page, "milestone-due-0", addDays(need.periodStart, 30));
    await page.waitForURL(/\/console\/services\/contracts\//);
    contractId = page.url().split("/").pop()!;
    await page.getByTestId("contract-milestones").waitFor();
    await page.context().close();
  });

  it("the winning vendor reports progress and recommends assistance; it cannot decide", async () => {
    const admin = await api("programme.admin");
    const detail = await admin<{ contract: { vendorName: string } }>("GET", `/services/contracts/${contractId}`);
    const page = await signIn(browser, server.baseUrl, vendorUsernames[detail.contract.vendorName]);
    await page.goto(`${server.baseUrl}/console/services/contracts/${contractId}`);
    await choose(page, page.getByTestId("report-milestone"), "入户摸底");
    await page.getByTestId("report-summary").fill("完成 132 户长者入户评估，建立个案 48 个。");
    await page.getByTestId("report-submit").click();
    await expect.poll(() => page.getByTestId("contract-reports").textContent()).toContain("132 户");
    await page.getByTestId("recommendation-subject").fill("黄某某（示例）");
    await page.getByTestId("recommendation-reason").fill("独居长者，失能，家庭收入低于低保标准。");
    await page.getByTestId("recommendation-submit").click();
    await expect.poll(() => page.getByTestId("contract-recommendations").textContent()).toContain("待主管部门决定");
    await screenshot(page, "services-contract-vendor");
    expect(await seriousViolations(page)).toEqual([]);
    // No decision is offered to a vendor, and the API refuses it.
    expect(await page.getByTestId("recommendation-approve").count()).toBe(0);
    await page.context().close();
  });

  it("survey answered in the browser; the evaluation flags the agreement; the department records its change", async () => {
    const page = await signIn(browser, server.baseUrl, "programme.admin");
    await page.goto(`${server.baseUrl}/console/services/contracts/${contractId}`);
    await page.getByTestId("report-accept").click();
    await expect
      .poll(() => page.getByTestId("contract-milestones").textContent())
      .toMatch(/\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}/);
    // The accepted milestone is payable: the button first names the amount and that it cannot be undone.
    await page.getByTestId("contract-pay-1").click();
    await expect.poll(() => page.locator(".ant-popconfirm").textContent()).toContain("不能撤回");
    await page.getByTestId("contract-pay-1-confirm").click();
    await expect.poll(() => page.getByTestId("contract-payments").textContent()).toContain("已支付");
    expect(await page.getByTestId("contract-pay-final").count()).toBe(0);
    const admin = await api("programme.admin");
    const signed = await admin<{ contract: { signedOn: string } }>("GET", `/services/contracts/${contractId}`);
    await pickDate(page, "survey-closes", addDays(signed.contract.signedOn, 60));
    const link = (await page.getByTestId("survey-link").textContent())!.trim();
    // A person served answers through the public link, not signed in.
    const context = await browser.newContext({ locale: "zh-CN" });
    const survey = await context.newPage();
    await survey.goto(link);
    const groups = survey.locator(".ant-radio-group");
    await expect.poll(() => groups.count()).toBe(4);
    for (const group of await groups.all()) await group.getByText("不满意", { exact: true }).click();
    await survey.getByTestId("survey-phone").fill("13912345678");
    await screenshot(survey, "services-survey");
    expect(await seriousViolations(survey)).toEqual([]);
    await survey.getByTestId("survey-submit").click();
    await survey.getByTestId("survey-thanks").waitFor();
    await context.close();
    await page.reload();
    await expect.poll(() => page.getByTestId("survey-satisfaction").textContent()).toBe("0.00%");
    await page.getByTestId("evaluation-evaluator").fill("中山市社会工作评估中心");
    for (const input of await page.locator('[data-testid^="evaluation-actual-"]').all()) await input.fill("达成");
    await page.getByTestId("evaluation-save").click();
    await expect.poll(() => page.getByTestId("contract-improvement").textContent()).toContain("协议需改进");
    await page.getByTestId("improvement-action").fill("增加周末上门时段；服务对象可直接致电项目主管。");
    await page.getByTestId("improvement-save").click();
    await expect.poll(() => page.getByTestId("improvement-save").count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("contract-improvement").textContent())
      .toContain("改进措施：增加周末上门时段");
    expect(await page.getByRole("heading", { level: 3 }).textContent()).toContain("已记录改进措施");
    await page.getByTestId("survey-chart").waitFor();
    // The mid-term evaluation does not release the final payment; the final evaluation will.
    expect(await page.getByTestId("contract-payments").textContent()).toContain("待终期评估");
    expect(await page.getByTestId("contract-pay-final").count()).toBe(0);
    await screenshot(page, "services-contract-admin");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("the 镇区 clerk approves the vendor's recommendation: it is forwarded to assistance, which declines it", async () => {
    const page = await signIn(browser, server.baseUrl, "clerk.xiaolan");
    await page.goto(`${server.baseUrl}/console/services/recommendations`);
    const table = page.getByTestId("services-recommendations");
    await expect.poll(() => table.textContent()).toContain("黄某某");
    await table
      .getByRole("row", { name: /黄某某/ })
      .getByTestId("recommendation-approve")
      .click();
    await expect.poll(() => table.textContent()).not.toContain("黄某某");
    // Approval does not take effect in services: the recommendation is forwarded as a referral.
    await page.getByText("已转介低保，待镇区受理").first().click();
    await expect.poll(() => table.textContent()).toContain("黄某某");
    await screenshot(page, "services-recommendations");
    expect(await seriousViolations(page)).toEqual([]);
    // The assistance desk of 小榄镇 decides the referral: declined, with the reason.
    await page.goto(`${server.baseUrl}/console/assistance/referrals`);
    const referrals = page.getByTestId("assistance-referrals");
    await expect.poll(() => referrals.textContent()).toContain("黄某某");
    const row = referrals.getByRole("row", { name: /黄某某/ });
    await row.getByTestId(/^assistance-referral-reason-/).fill("已纳入特困供养，无需重复保障");
    await row.getByTestId(/^assistance-referral-decline-[0-9a-f-]+$/).click();
    await expect.poll(async () => page.locator(".ant-popconfirm").textContent()).toContain("不能撤回");
    await page.getByTestId(/^assistance-referral-decline-.*-confirm$/).click();
    await expect.poll(() => referrals.textContent()).not.toContain("黄某某");
    await page.getByText("不予受理", { exact: true }).first().click();
    await expect.poll(() => referrals.textContent()).toContain("已纳入特困供养");
    await screenshot(page, "assistance-referrals");
    expect(await seriousViolations(page)).toEqual([]);
    // The services side follows the referral.
    await page.goto(`${server.baseUrl}/console/services/recommendations`);
    await page.getByText("民政不予受理").first().click();
    await expect.poll(() => table.textContent()).toContain("已纳入特困供养");
    await page.context().close();
  });
});

describe("the innovation fund in the browser", () => {
  it("pays the rest of a grant only after the accepted final report", async () => {
    const page = await signIn(browser, server.baseUrl, "programme.admin");
    await page.goto(`${server.baseUrl}/console/fund/calls`);
    await page.getByTestId("fund-calls").getByRole("link", { name: /示例/ }).click();
    const table = page.getByTestId("fund-applications");
    await expect.poll(() => table.textContent()).toContain("全额资助");
    // The admin gives the panel more time to review reports: the call shows the new deadline.
    const deadlines = page.getByTestId("fund-deadlines");
    await deadlines.getByLabel("报告审核期限（工作日）").fill("15");
    await deadlines.getByRole("button", { name: "保存期限" }).click();
    await expect.poll(() => deadlines.textContent()).toContain("期限已保存");
    // The deadlines are shown once, in the form; after a reload it still holds the saved value.
    await page.reload();
    await expect
      .poll(() => page.getByTestId("fund-deadlines").getByLabel("报告审核期限（工作日）").inputValue())
      .toBe("15");
    await table.locator(".ant-table-row-expand-icon").first().click();
    await page.getByTestId("fund-final-score").fill("88.5");
    await page.getByTestId("fund-report-accept").click();
    await page.getByTestId("fund-pay-final").click();
    await expect.poll(() => table.locator(".ant-table-row").first().textContent()).toContain("380000.00380000.00");
    // The payment file is a recorded export (POST), saved as a file.
    const download = page.waitForEvent("download");
    await page.getByTestId("fund-payment-file").click();
    expect((await download).suggestedFilename()).toMatch(/^\d{4}年创新资金拨付文件-\d{4}-\d{2}-\d{2}\.csv$/);
    await screenshot(page, "fund-call-payments");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a clerk applies with budget lines; reviewers see it", async () => {
    const page = await signIn(browser, server.baseUrl, "clerk.shiqi");
    await page.goto(`${server.baseUrl}/console/fund/apply`);
    await page.getByTestId("fund-apply-open").first().click();
    await page.getByTestId("fund-applicant").fill("石岐区社会事务局");
    await choose(page, page.getByTestId("fund-category"), "社会服务创新");
    await page.getByTestId("fund-title").fill("“街坊议事”社区协商平台");
    await page.getByTestId("fund-requested").fill("200000");
    await page.getByTestId("fund-line-item-0").fill("议事员培训");
    await page.getByTestId("fund-line-amount-0").fill("80000");
    await page.getByTestId("fund-line-add").click();
    await page.getByTestId("fund-line-item-1").fill("平台运营");
    await page.getByTestId("fund-line-amount-1").fill("120000");
    await page.getByTestId("fund-payee").fill("石岐区社会事务局");
    await page.getByTestId("fund-bank").fill("6222020000009999");
    await screenshot(page, "fund-apply-form");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("fund-apply-submit").click();
    await expect.poll(() => page.getByTestId("fund-my-application").textContent()).toContain("“街坊议事”社区协商平台");
    await page.context().close();
    const reviewer = await signIn(browser, server.baseUrl, "reviewer");
    await reviewer.goto(`${server.baseUrl}/console/fund/reviews`);
    await expect.poll(() => reviewer.getByTestId("fund-review-card").count()).toBeGreaterThan(1);
    await screenshot(reviewer, "fund-reviews");
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.context().close();
  });

  it("after the deadline the admin ranks and funds; the applicant sees the grant and the start payment", async () => {
    // Reviewers are assigned and score through the API (the review screen is checked above).
    const admin = await api("programme.admin");
    const calls = await admin<{ items: { id: string; status: string }[] }>("GET", "/fund/calls");
    const open = calls.items.find((each) => each.status === "open")!;
    const applications = await admin<{ items: { id: string }[] }>("GET", `/fund/calls/${open.id}/applications`);
    const reviewers = (
      await admin<{ items: { id: string; username: string }[] }>("GET", "/fund/reviewers")
    ).items.filter((each) => each.username.startsWith("reviewer."));
    for (const application of applications.items) {
      await admin("POST", `/fund/applications/${application.id}/reviewers`, {
        reviewerIds: reviewers.map((each) => each.id),
      });
      for (const reviewer of reviewers) {
        const session = await api(reviewer.username);
        await session("POST", `/fund/applications/${application.id}/scores`, {
          scores: { innovation: 85, need: 80, feasibility: 82, budget: 78, sustainability: 75 },
        });
      }
    }
    await server.stop();
    server = await startServerOn(dataDir, { clockOffsetDays: 21 });
    const page = await signIn(browser, server.baseUrl, "programme.admin");
    await page.goto(`${server.baseUrl}/console/fund/calls/${open.id}`);
    await page.getByTestId("fund-allocate").click();
    const table = page.getByTestId("fund-applications");
    await expect.poll(() => table.textContent()).toContain("全额资助");
    await table
      .getByRole("row", { name: /街坊议事/ })
      .locator(".ant-table-row-expand-icon")
      .click();
    await page.getByTestId("fund-pay-start").click();
    await expect.poll(() => table.getByRole("row", { name: /街坊议事/ }).textContent()).toContain("120000.00");
    await screenshot(page, "fund-call-funded");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
    const applicant = await signIn(browser, server.baseUrl, "clerk.shiqi");
    await applicant.goto(`${server.baseUrl}/console/fund/apply`);
    const card = applicant.getByTestId("fund-my-application");
    await expect.poll(() => card.textContent()).toContain("全额资助");
    expect(await card.textContent()).toContain("首期 120000.00");
    await screenshot(applicant, "fund-applicant-funded");
    await applicant.context().close();
  });
});
