// Every form's refusals in plain Chinese (issue 15): each demo role signs in, and every page of its menu is opened;
// every form on it is sent as it stands (mostly empty), and every message that then shows — under a field, in an
// alert, in a toast — must be a Chinese sentence: no English, no schema text ("must match pattern"), no raw code
// (`home_required`), no field path (`members.0.income`). Forms that are sent successfully show no message, which
// is fine; the walk also counts the refusals it saw, so it cannot pass by seeing none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { demoAccounts } from "../../src/demo/accounts";
import { launchBrowser, screenshot, settled, signIn, startServer, type RunningServer } from "./harness";

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

/** One demo account of each role and department (clerk.shiqi for the clerks): every menu is walked once. */
const grantOf = (account: (typeof demoAccounts)[number]) =>
  `${account.roles[0].role}:${account.roles[0].departmentCode ?? ""}`;
const roles = demoAccounts
  .filter((account, index) => demoAccounts.findIndex((other) => grantOf(other) === grantOf(account)) === index)
  .map((account) => account.username);

/** What is wrong with a message a person reads, or null when it is a plain Chinese sentence. */
function problemOf(text: string): string | null {
  const message = text.trim();
  if (message === "") return null;
  if (!/[\u4e00-\u9fff]/.test(message)) return "no Chinese";
  if (/\b(must|should|invalid|required|pattern|expected|undefined|null|NaN|Error|failed)\b/i.test(message))
    return "English or schema words";
  if (/\b[a-z]+(_[a-z0-9]+)+\b/.test(message)) return "a raw code";
  if (/\b[a-zA-Z]+\.\d+\.[a-zA-Z]+\b/.test(message)) return "a field path";
  return null;
}

/** The messages shown on the page now: field errors, alerts, toasts and notifications. */
async function messages(page: Page): Promise<string[]> {
  const texts = await page
    .locator(
      ".ant-form-item-explain-error:visible, .ant-alert-error:visible, .ant-alert-warning:visible, .ant-message-notice:visible, .ant-notification-notice:visible",
    )
    .allTextContents();
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))];
}

/** The buttons that open a form in a dialog or drawer. */
const opener = /(新建|新增|登记|添加|发布|创建|录入|提出|申请|上传|导入|记录|设置|修改|编辑)/;

/** Opens a page and waits until its data has loaded (no request for half a second) and it has settled. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await settled(page);
}

/** The console pages of the signed-in role's menu. */
async function menuPages(page: Page): Promise<string[]> {
  await page.getByTestId("console-menu").waitFor();
  const ids = await page
    .getByTestId("console-menu")
    .locator("[data-testid^='menu-']")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid") ?? ""));
  return [...new Set(ids.map((id) => id.replace(/^menu-/, "")))].map((key) =>
    key === "home" ? "/console" : `/console/${key}`,
  );
}

/** What the walk found. */
interface Walk {
  seen: Set<string>;
  sent: string[];
  problems: string[];
  refusals: number;
}

/** Sends the form (or dialog) `send` belongs to and checks every message that then shows. */
async function sendAndRead(page: Page, walk: Walk, where: string, send: Locator): Promise<void> {
  walk.sent.push(where);
  await send.click();
  // Server refusals arrive after a round trip: wait briefly for one, if any.
  await page
    .locator(".ant-form-item-explain-error:visible, .ant-alert-error:visible, .ant-message-notice:visible")
    .first()
    .waitFor({ timeout: 1_500 })
    .catch(() => undefined);
  const shown = await messages(page);
  walk.refusals += shown.length;
  for (const text of shown) {
    const problem = problemOf(text);
    if (problem) walk.problems.push(`${where}: ${problem}: "${text}"`);
  }
  // Close whatever the submission opened (a confirmation, a dialog) before the next form.
  await page.keyboard.press("Escape");
}

/** One role's pages not walked yet: the forms on each page, then the forms behind its 新建/登记… buttons. */
async function walkRole(username: string, walk: Walk): Promise<void> {
  const page = await signIn(browser, server.baseUrl, username);
  try {
    for (const path of await menuPages(page)) {
      if (walk.seen.has(path)) continue;
      walk.seen.add(path);
      const url = `${server.baseUrl}${path}`;
      await open(page, url);
      const count = await page.locator("form.ant-form").count();
      for (let index = 0; index < count; index += 1) {
        if (page.url() !== url) await open(page, url);
        const submit = page.locator("form.ant-form").nth(index).locator("button[type=submit]:visible").first();
        if ((await submit.count()) === 0 || !(await submit.isEnabled())) continue;
        await sendAndRead(page, walk, `${username} ${path} form ${index + 1}`, submit);
      }
      if (page.url() !== url) await open(page, url);
      const labels = (await page.getByRole("button", { name: opener }).allTextContents()).map((text) => text.trim());
      for (const label of [...new Set(labels)].filter((text) => text !== "").slice(0, 4)) {
        if (page.url() !== url) await open(page, url);
        const button = page.locator("button:visible", { hasText: label }).first();
        if ((await button.count()) === 0 || !(await button.isEnabled())) continue;
        await button.click();
        await settled(page);
        // The form it opened: in a dialog or drawer, on the page it navigated to, or revealed on this page.
        const layer = page.locator(".ant-modal-wrap:visible .ant-modal, .ant-drawer-open .ant-drawer-content").last();
        const scope = (await layer.count()) > 0 ? layer : page.locator("main, .ant-layout-content").first();
        const send = scope
          .locator("form.ant-form button[type=submit]:visible, .ant-modal-footer .ant-btn-primary:visible")
          .last();
        if ((await send.count()) === 1 && (await send.isEnabled()))
          await sendAndRead(page, walk, `${username} ${path} 「${label}」`, send);
        await page.keyboard.press("Escape");
      }
    }
    await screenshot(page, `refusals-${username}`);
  } finally {
    await page.context().close();
  }
}

describe("every form's refusals", () => {
  it("shows every refusal as a Chinese sentence, on every form of every role's menu", async () => {
    const walk: Walk = { seen: new Set(), sent: [], problems: [], refusals: 0 };
    // Three roles at a time, each in its own browser context; a page is walked by the first role that has it.
    const queue = [...roles];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let username = queue.shift(); username; username = queue.shift()) await walkRole(username, walk);
      }),
    );
    console.info(
      `refusal walk: ${walk.seen.size} pages, ${walk.sent.length} forms sent, ${walk.refusals} messages read:\n${walk.sent.join("\n")}`,
    );
    expect(walk.problems).toEqual([]);
    expect(walk.seen.size).toBeGreaterThan(25);
    expect(walk.sent.length).toBeGreaterThan(20);
    expect(walk.refusals).toBeGreaterThan(30);
  }, 600_000);
});
