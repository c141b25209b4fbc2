// @vitest-environment happy-dom
import * as qrcode from "qrcode";
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../i18n";
import { QrCode, qrOptions } from "./QrCode";

// The real encoder is called through (node's build of `qrcode` draws the PNG with pngjs), so the image shown is
// compared with the PNG of exactly the text given.
vi.mock("qrcode", async (importOriginal) => {
  const real = await importOriginal<typeof import("qrcode")>();
  return { ...real, toDataURL: vi.fn(real.toDataURL) };
});
const toDataURL = vi.mocked(qrcode.toDataURL) as unknown as ReturnType<
  typeof vi.fn<(text: string, options: qrcode.QRCodeToDataURLOptions) => Promise<string>>
>;
const realToDataURL = (await vi.importActual<typeof import("qrcode")>("qrcode")).toDataURL;

const token = "f3a9c2d17b4e4e0a9d6b5c8e1f2a3b4c";
const link = "https://gongzhi.example.gov.cn/services/surveys/0190b7c4-6a1e-7c3d-9f2e-0a1b2c3d4e5f";

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
beforeEach(async () => {
  toDataURL.mockClear();
  await i18n.changeLanguage("zh-CN");
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** Renders and waits until the encoder's promise has settled and React has drawn the result. */
async function show(element: ReactElement): Promise<void> {
  await act(async () => {
    root.render(element);
  });
  for (let tries = 0; tries < 50 && !container.querySelector("img, .ant-alert"); tries += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

function image(): HTMLImageElement {
  const found = container.querySelector("img");
  if (!found) throw new Error(`no image in ${container.innerHTML}`);
  return found;
}

describe("QrCode", () => {
  it("encodes exactly the check-in code and shows the PNG with its accessible name (zh)", async () => {
    const label = i18n.t("participation.tokenQrAlt", { title: "网络文明宣传夜校" });
    await show(<QrCode text={token} label={label} fileName="check-in.png" size={280} />);
    expect(toDataURL).toHaveBeenCalledTimes(1);
    expect(toDataURL).toHaveBeenCalledWith(token, expect.objectContaining(qrOptions(280)));
    expect(label).toBe("“网络文明宣传夜校”的签到二维码");
    expect(image().alt).toBe(label);
    expect(image().getAttribute("src")).toBe(await realToDataURL(token, qrOptions(280)));
    expect(image().getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    const download = container.querySelector("a[download]");
    expect(download?.getAttribute("download")).toBe("check-in.png");
    expect(download?.getAttribute("href")).toBe(image().getAttribute("src"));
    expect(container.textContent).toContain("下载 PNG");
    expect(container.textContent).toContain("打印");
  });

  it("encodes the survey link and names the image and buttons in English", async () => {
    await i18n.changeLanguage("en");
    const label = i18n.t("services.surveyQrAlt");
    await show(<QrCode text={link} label={label} fileName="survey.png" />);
    expect(toDataURL).toHaveBeenCalledWith(link, expect.objectContaining(qrOptions(200)));
    expect(label).toBe("QR code of the satisfaction survey: scan to answer");
    expect(image().alt).toBe(label);
    expect(image().getAttribute("src")).toBe(await realToDataURL(link, qrOptions(200)));
    expect(container.textContent).toContain("Download PNG");
    expect(container.textContent).toContain("Print");
  });

  it("draws a new image when the text changes", async () => {
    await show(<QrCode text={token} label="a" fileName="a.png" />);
    const first = image().getAttribute("src");
    await act(async () => {
      root.render(<QrCode text={link} label="a" fileName="a.png" />);
    });
    const drawn = () => container.querySelector("img")?.getAttribute("src");
    for (let tries = 0; tries < 50 && (drawn() === undefined || drawn() === first); tries += 1) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    expect(toDataURL).toHaveBeenLastCalledWith(link, expect.objectContaining(qrOptions(200)));
    expect(image().getAttribute("src")).toBe(await realToDataURL(link, qrOptions(200)));
    expect(image().getAttribute("src")).not.toBe(first);
  });

  it("says so when the code cannot be drawn, and shows no image", async () => {
    toDataURL.mockRejectedValueOnce(new Error("too long"));
    await show(<QrCode text={token} label="a" fileName="a.png" />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain("二维码未能生成，请使用下方的文字。");
  });

  it("prints the image with the label and the text from a frame of its own", async () => {
    await show(<QrCode text={token} label="签到二维码" fileName="a.png" />);
    const src = image().getAttribute("src");
    const button = [...container.querySelectorAll("button")].find((node) => node.textContent?.includes("打印"));
    expect(button).toBeDefined();
    act(() => button?.click());
    const frame = document.body.querySelector("iframe");
    expect(frame).not.toBeNull();
    // happy-dom has no print(); the frame's own is stubbed before the image has been decoded.
    const print = vi.fn();
    Object.assign(frame?.contentWindow ?? {}, { print });
    const printed = frame?.contentDocument;
    expect(printed?.querySelector("img")?.getAttribute("src")).toBe(src);
    expect(printed?.body.textContent).toContain("签到二维码");
    expect(printed?.body.textContent).toContain(token);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(print).toHaveBeenCalledTimes(1);
    frame?.contentWindow?.dispatchEvent(new Event("afterprint"));
    expect(document.body.querySelector("iframe")).toBeNull();
  });
});
