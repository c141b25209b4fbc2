/**
 * Browser-test harness: starts `gongzhi serve` on a fresh data folder and a free port, waits until it answers,
 * and launches Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOT_DIR = join(process.cwd(), "tmp", "screenshots");

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server the way a user does (`npm start`'s command) on a fresh data folder holding today's demo data: a
 * copy of the folder the global setup's first start filled (tests/e2e/global-setup.ts).
 */
export async function startServer(): Promise<RunningServer> {
  return launchServer(makeDataFolder({ demo: true }), {}, true);
}

/**
 * Creates a data folder for `startServerOn` (the caller removes it with `rmSync` when done): empty, so the first
 * start loads the demo planned from the server's (possibly shifted) today, or with `demo` a copy of today's demo.
 */
export function makeDataFolder(options: { demo?: boolean } = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "gongzhi-e2e-"));
  if (options.demo) cpSync(inject("demoTemplate"), folder, { recursive: true });
  return folder;
}

/**
 * Starts the server on a data folder that outlives it (stop keeps the folder), optionally with the server's clock
 * moved forward by whole days: a browser test restarts on the same data to reach the end of a publicity period.
 */
export async function startServerOn(
  dataDir: string,
  options: { clockOffsetDays?: number } = {},
): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {};
  if (options.clockOffsetDays) {
    const offsetMs = options.clockOffsetDays * 86_400_000;
    const shift = `const o=${offsetMs};const R=Date;class S extends R{constructor(...a){if(a.length===0)super(R.now()+o);else super(...a)}static now(){return R.now()+o}}globalThis.Date=S;`;
    env.NODE_OPTIONS =
      `${process.env.NODE_OPTIONS ?? ""} --import=data:text/javascript,${encodeURIComponent(shift)}`.trim();
  }
  return launchServer(dataDir, env, false);
}

async function waitUntilGroupEnded(groupId: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(-groupId, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server process group ${groupId} still running 30 s after stop`);
}

async function launchServer(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv,
  removeOnStop: boolean,
): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, PORT: String(port), GONGZHI_DATA: dataDir };
  delete env.DATABASE_URL;
  // Its own process group, so stop ends npx, tsx and the server together (killing npx alone leaves the server).
  const child: ChildProcess = spawn("npx", ["tsx", "src/cli/main.ts", "serve"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (Date.now() >= deadline) throw new Error(`server did not answer within 120 s:\n${log}`);
  return {
    baseUrl,
    output: () => log,
    stop: async () => {
      if (child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // the group has already ended
        }
        await waitUntilGroupEnded(child.pid);
      }
      if (removeOnStop) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Days to move a server's clock so that its today falls in a points cycle's application window (September to
 * April, the demo's cycles): 0 unless May to August, when the demo has no open cycle.
 */
export function daysIntoPointsWindow(now: Date): number {
  const month = now.getUTCMonth() + 1;
  return month >= 5 && month <= 8 ? Math.ceil((Date.UTC(now.getUTCFullYear(), 8, 15) - now.getTime()) / 86_400_000) : 0;
}

/**
 * Calls the API with the page's own session (its cookie, and the CSRF token from `GET /auth/me`), for a step a
 * user cannot do in the web app yet or a check of what the page showed; fails with the answer on any non-2xx.
 */
export async function sessionApi<T>(page: Page, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const me = await page.request.get(`${origin}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Launches headless Chromium with the project's flags. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Saves a full-page screenshot under tmp/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The password of every demo account (docs/demo-accounts.md). */
export const DEMO_PASSWORD = "Gongzhi-2026!";

/** Signs in as a demo account in a new zh-CN context (plus `options`) and waits for the console. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 860 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/console/);
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The browser globals `settled` reads (the project's TypeScript has no DOM types). */
interface SettleWindow {
  document: {
    querySelectorAll: (selector: string) => unknown[];
    getAnimations: () => { playState: string; effect: { getTiming: () => { iterations: number } } | null }[];
  };
  getComputedStyle: (element: unknown) => { opacity: string };
}

/**
 * Waits until antd's loading containers and modals have faded in and no finite animation or transition runs (axe
 * checks contrast on the page as it ends).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const window = globalThis as unknown as SettleWindow;
      const faded = [...window.document.querySelectorAll(".ant-spin-container, .ant-modal")];
      // A button just enabled fades from grey to blue (a CSS transition): axe must see where it ends. Endless
      // animations (spinners) are left out.
      const moving = window.document
        .getAnimations()
        .filter((animation) => animation.playState === "running")
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
      return moving.length === 0 && faded.every((element) => window.getComputedStyle(element).opacity === "1");
    },
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * The serious and critical axe-core violations of the page once it has settled, each with the elements concerned
 * (`color-contrast: .ant-tag`), so a failing check names what to fix. Nothing is excluded.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  await page.evaluate(axeSource);
  const results = (await page.evaluate("axe.run()")) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/**
 * Picks an option of an antd Select: waits for the page to settle (a select in a modal that is still zooming in
 * can swallow the click), opens it, optionally types to filter, clicks the option and checks that the select now
 * shows it, trying again (up to three times) when it does not; closes a dropdown left open (multiple selects).
 */
export async function choose(page: Page, select: Locator, text: string | RegExp, typed?: string): Promise<void> {
  await settled(page);
  // A single select shows its value in its content box (marked has-value), a multiple one each value as an item.
  const chosen = select.locator(".ant-select-content-has-value, .ant-select-selection-item", { hasText: text });
  for (let attempt = 1; (await chosen.count()) === 0; attempt += 1) {
    await select.click();
    if (typed !== undefined) await select.locator("input").fill(typed);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text }).first().click();
    try {
      await expect.poll(async () => chosen.count(), { timeout: 3_000 }).toBeGreaterThan(0);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await closeDropdowns(page);
}

/** Closes a select's dropdown still open after a choice (Escape) and waits until none shows. */
export async function closeDropdowns(page: Page): Promise<void> {
  if ((await page.locator(".ant-select-dropdown:visible").count()) > 0) await page.keyboard.press("Escape");
  await expect.poll(async () => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}
