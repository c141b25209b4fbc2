import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, signIn, startServer, type RunningServer } from "./harness";
import { POLICIES_ROOT } from "../../src/rules/policy.registry";

// The policy officer's screen in Chromium: the versions with their state, the golden tests of the 2016 draft,
// and a simulation of that draft over the demo's applicants with its charts and tables; axe-core on each view.
// Then a draft made in the form (refused with the loader's reason next to the value, then saved), and the
// approval and activation of the 2016 draft by the programme admin. The server works on a copy of policies/
// (GONGZHI_POLICIES_DIR), so no file of the project changes.

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server: RunningServer;
let browser: Browser;
let policies = "";

beforeAll(async () => {
  policies = mkdtempSync(join(tmpdir(), "gongzhi-e2e-policies-"));
  cpSync(POLICIES_ROOT, policies, { recursive: true });
  process.env.GONGZHI_POLICIES_DIR = policies;
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  delete process.env.GONGZHI_POLICIES_DIR;
  if (policies) rmSync(policies, { recursive: true, force: true });
});

/** The serious and critical axe-core violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate("axe.run()")) as { violations: { id: string; impact: string }[] };
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id);
}

/** Calls the API through the page's own session (cookie and CSRF token); answers the status and the body. */
async function api(page: Page, method: "GET" | "POST" | "PUT", path: string, body?: unknown) {
  const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status(), body: (await response.json()) as any };
}

/**
 * Three migrants of 石岐区 apply for public rental housing at the counter (college, 3 permit years: the 2016
 * draft counts permit months instead, so their points move), whatever else the demo holds.
 */
async function counterApplicants(page: Page): Promise<void> {
  const cycles = await api(page, "GET", "/points/cycles");
  const cycleId = cycles.body.items[0].id as string;
  const households = await api(page, "GET", "/households?q=%E7%9F%B3%E5%B2%90&pageSize=50");
  let applied = 0;
  for (const household of households.body.items as { id: string }[]) {
    const detail = await api(page, "GET", `/households/${household.id}`);
    for (const member of detail.body.members as { personId: string }[]) {
      const person = await api(page, "GET", `/persons/${member.personId}`);
      if (person.body.hukouType !== "migrant") continue;
      const enrolment = await api(page, "POST", "/points/enrolments", {
        personId: member.personId,
        residencePermitNumber: "GD4420123456",
        workStartedOn: "2015-03-01",
      });
      if (enrolment.status !== 201) continue;
      for (const [fact, value] of Object.entries({ education: "college", residence_permit_years: 3 }))
        expect(
          (await api(page, "PUT", `/points/enrolments/${enrolment.body.id}/facts/${fact}`, { value })).status,
        ).toBe(200);
      const application = await api(page, "POST", "/points/applications", {
        enrolmentId: enrolment.body.id,
        cycleId,
        purpose: "housing",
        conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
      });
      if (application.status === 201) applied += 1;
      if (applied === 3) return;
    }
  }
  throw new Error(`only ${applied} applications could be made at the counter`);
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
    const clerk = await signIn(browser, server.baseUrl, "clerk.shiqi");
    await counterApplicants(clerk);
    await clerk.close();

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
    const shiqi = page.getByTestId("policies-table-movement").locator("tbody tr.ant-table-row", { hasText: "石岐区" });
    const cells = (await shiqi.locator("td").allTextContents()).map((text) => Number(text.trim()));
    // 镇区, scored, gained, lost, unchanged, …: the three applicants made above are among those scored and lost.
    expect(cells[1]).toBeGreaterThanOrEqual(3);
    expect(cells[3]).toBeGreaterThanOrEqual(3);
    expect(cells[2] + cells[3] + cells[4]).toBe(cells[1]);
    expect(await page.getByTestId("policies-table-eligible").locator("tbody tr.ant-table-row").count()).toBe(
      await page.getByTestId("policies-table-movement").locator("tbody tr.ant-table-row").count(),
    );
    expect(
      await page.getByTestId("policy-simulation-movers").locator("tbody tr.ant-table-row").count(),
    ).toBeGreaterThan(0);
    expect(await result.textContent()).toMatch(/计分申请数/);
    expect(await page.getByTestId("policy-simulation-xlsx").getAttribute("href")).toMatch(/report\.xlsx$/);
    await settled(page);
    await screenshot(page, "policies-simulation");
    expect((await seriousViolations(page)).filter((id) => id !== "color-contrast")).toEqual([]);
    await page.close();
  });

  it("drafts a version in the form, and the programme admin approves and activates a draft", async () => {
    const officer = await signIn(browser, server.baseUrl, "policy.officer");
    await officer.goto(`${server.baseUrl}/console/policies/new?from=zhongshan-points-2014`);
    const form = officer.getByTestId("policy-draft-form");
    await form.waitFor({ timeout: 20_000 });
    await officer.getByLabel("版本编号").fill("zhongshan-points-2027-e2e");
    await officer.getByLabel("中文名称").fill("2027年征求意见稿（测试）");
    await officer.getByLabel("英文名称").fill("2027 draft (test)");
    const college = officer.getByLabel("文化程度 · 大专");
    // 61.55 × 1.3 (the town multiplier) is not exact in hundredths: the loader refuses it, next to the row.
    await college.fill("61.55");
    await officer.getByTestId("policy-draft-save").click();
    await expect.poll(async () => form.textContent(), { timeout: 20_000 }).toContain("乘以系数后分值须精确到 0.01");
    await screenshot(officer, "policies-draft-refused");
    expect((await seriousViolations(officer)).filter((id) => id !== "color-contrast")).toEqual([]);
    await college.fill("70");
    await officer.getByTestId("policy-draft-save").click();
    await officer.waitForURL(/\/console\/policies\/zhongshan-points-2027-e2e$/, { timeout: 20_000 });
    await officer.getByTestId("policy-approve-own").waitFor();
    expect(await officer.getByTestId("policy-version").textContent()).toContain("须由另一位政策专员或项目管理员批准");
    // People by display name, not by login.
    expect(await officer.getByTestId("policy-version").textContent()).toContain("起草：政策专员");
    await officer.getByTestId("policy-golden-run").click();
    const summary = officer.getByTestId("policy-golden-summary");
    await expect.poll(async () => summary.textContent(), { timeout: 20_000 }).toMatch(/未通过 [1-9]\d* 条/);
    expect(await officer.getByTestId("policy-golden-cases").textContent()).toMatch(/应为 .+ 分，实际为 .+ 分/);
    await officer.close();

    const admin = await signIn(browser, server.baseUrl, "programme.admin");
    await admin.goto(`${server.baseUrl}/console/policies/zhongshan-points-2016-draft`);
    await admin.getByTestId("policy-approve").click();
    await admin.getByTestId("policy-approve-confirm").click();
    await admin.getByTestId("policy-activate").waitFor({ timeout: 20_000 });
    await admin.getByTestId("policy-activate").click();
    await admin.getByTestId("policy-activate-confirm").click();
    await expect
      .poll(async () => admin.getByTestId("policy-version").locator("h3").textContent(), { timeout: 20_000 })
      .toContain("现行");
    expect(await admin.getByTestId("policy-version").textContent()).toContain("发布生效：市流动人口管理办公室管理员");
    await admin.goto(`${server.baseUrl}/console/policies`);
    const rows = admin.getByTestId("policies-versions").locator("tbody tr.ant-table-row");
    await expect.poll(async () => rows.filter({ hasText: "2014年版" }).textContent()).toContain("已废止");
    await screenshot(admin, "policies-activated");
  });
});
