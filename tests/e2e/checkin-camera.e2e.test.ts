// Check-in by camera (issue 11): the organiser opens the camera on the activity page and holds it to the QR code
// on the volunteer's phone; the code is read in the browser and the volunteer is checked in. Chromium's fake
// camera plays a video file that shows the volunteer's QR code (drawn here from the token with the same `qrcode`
// package the volunteer's page uses). Without a camera the page says why in Chinese and the typed code still works.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { create as createQr } from "qrcode";
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  launchBrowser,
  screenshot,
  seriousViolations,
  signIn,
  startServer,
  type RunningServer,
  sessionApi,
} from "./harness";

let server: RunningServer;
let plain: Browser;
let withCamera: Browser | null = null;
const folder = join(process.cwd(), "tmp", "fake-camera");

/** A Y4M video (4:2:0) of a few identical frames showing `text` as a QR code, black on white, centred. */
function qrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  const { modules } = createQr(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const scale = Math.floor(400 / (modules.size + 2 * quiet));
  const side = scale * (modules.size + 2 * quiet);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row += 1)
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      for (let y = 0; y < scale; y += 1) {
        const start = (top + (row + quiet) * scale + y) * width + left + (column + quiet) * scale;
        luma.fill(16, start, start + scale);
      }
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}

const api = sessionApi;

beforeAll(async () => {
  mkdirSync(folder, { recursive: true });
  server = await startServer();
  plain = await launchBrowser();
});

afterAll(async () => {
  await withCamera?.close();
  await plain?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("check-in by camera", () => {
  it("reads the volunteer's QR code with the camera and checks them in", async () => {
    // The organiser publishes an activity for tomorrow; the resident signs up and gets her check-in code.
    const organiserApi = await signIn(plain, server.baseUrl, "organiser");
    const { organisations } = await api<{ organisations: { id: string }[] }>(
      organiserApi,
      "GET",
      "/participation/organiser/activities",
    );
    const starts = new Date(Date.now() + 86_400_000);
    const activity = await api<{ id: string }>(organiserApi, "POST", "/participation/activities", {
      organisationId: organisations[0].id,
      title: "社区扫码签到演练",
      category: "general",
      place: "石岐区某社区活动室",
      townCode: "shiqi",
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
      capacity: 5,
    });
    const resident = await signIn(plain, server.baseUrl, "resident");
    const signup = await api<{ status: string; token: string | null }>(
      resident,
      "POST",
      `/participation/activities/${activity.id}/signups`,
    );
    expect(signup.status).toBe("confirmed");
    const me = await api<{ user: { personId: string } }>(resident, "GET", "/auth/me");
    type Roster = { items: { personId: string; name: string; checkedInAt: string | null }[] };
    const rosterPath = `/participation/activities/${activity.id}/roster`;
    const line = async () =>
      (await api<Roster>(organiserApi, "GET", rosterPath)).items.find((item) => item.personId === me.user.personId)!;
    const name = (await line()).name;
    const video = join(folder, "qr.y4m");
    qrVideo(signup.token!, video);

    // Without a camera: a Chinese sentence saying what to do instead, and the field still there.
    await organiserApi.goto(`${server.baseUrl}/console/participation/activities/${activity.id}`);
    await organiserApi.getByTestId("qr-scan-toggle").click();
    const failure = organiserApi.getByTestId("qr-scanner-failure");
    await expect.poll(async () => failure.count(), { timeout: 15_000 }).toBe(1);
    expect(await failure.textContent()).toMatch(/摄像头.*签到码/);
    expect(await seriousViolations(organiserApi), "axe: no camera").toEqual([]);
    await screenshot(organiserApi, "participation-camera-unavailable");

    // With a camera showing the volunteer's phone.
    withCamera = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const organiser = await signIn(withCamera, server.baseUrl, "organiser");
    await organiser.goto(`${server.baseUrl}/console/participation/activities/${activity.id}`);
    const row = organiser.getByTestId("roster").locator("tr", { hasText: name });
    await expect.poll(async () => row.count()).toBe(1);
    expect(await row.getByTestId("check-in").count()).toBe(1);
    await organiser.getByTestId("qr-scan-toggle").click();
    await expect.poll(async () => organiser.getByTestId("qr-scanner-video").count()).toBe(1);
    // Read, submitted and the camera closed: the roster shows her check-in time, the list button is gone.
    await expect.poll(async () => row.getByTestId("check-in").count(), { timeout: 20_000 }).toBe(0);
    expect(await organiser.getByTestId("qr-scanner-video").count()).toBe(0);
    expect(await row.textContent()).toMatch(/\d{2}:\d{2}/);
    expect((await line()).checkedInAt).not.toBeNull();
    await screenshot(organiser, "participation-camera-checked-in");
    expect(await seriousViolations(organiser), "axe: after the camera check-in").toEqual([]);
  });
});
