// A QR code of a short text (a volunteer's check-in code, a survey's public link), drawn in the browser by the
// `qrcode` package (nothing is sent anywhere), shown as a PNG image with an accessible name, and with buttons to
// download the PNG and to print it with the text beneath.
import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Skeleton, Space } from "antd";
import { toDataURL, type QRCodeToDataURLOptions } from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** How the image is drawn: medium error correction (survives a smudged print), a quiet zone of 2 modules. */
export function qrOptions(size: number): QRCodeToDataURLOptions {
  return { type: "image/png", errorCorrectionLevel: "M", margin: 2, width: size };
}

/** Prints the image with a caption from a hidden frame, so the page itself is not printed. */
function printImage(src: string, label: string, text: string): void {
  const frame = document.createElement("iframe");
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = "position:fixed;width:0;height:0;border:0;";
  document.body.appendChild(frame);
  const view = frame.contentWindow;
  const page = frame.contentDocument;
  if (!view || !page) {
    frame.remove();
    return;
  }
  page.title = label;
  const image = page.createElement("img");
  image.src = src;
  image.alt = label;
  image.style.cssText = "width:8cm;height:8cm;";
  const heading = page.createElement("p");
  heading.textContent = label;
  const caption = page.createElement("p");
  caption.textContent = text;
  caption.style.cssText = "font-family:monospace;word-break:break-all;";
  page.body.append(heading, image, caption);
  view.addEventListener("afterprint", () => frame.remove());
  // Printed once the image is decoded (a frame printed before would show an empty box).
  const decoded = typeof image.decode === "function" ? image.decode().catch(() => undefined) : Promise.resolve();
  void decoded.then(() => {
    view.focus();
    view.print();
  });
}

/**
 * The QR code of `text` as an image whose alt text is `label`, with "download PNG" (saved as `fileName`) and
 * "print". While the image is drawn a placeholder shows; if it cannot be drawn, a notice says to use the text.
 */
export function QrCode({
  text,
  label,
  fileName,
  size = 200,
  testId,
}: {
  text: string;
  label: string;
  fileName: string;
  size?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<{ text: string; size: number; src: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(text, qrOptions(size)).then(
      (src) => {
        if (current) setDrawn({ text, size, src });
      },
      () => {
        if (current) setFailed(text);
      },
    );
    return () => {
      current = false;
    };
  }, [text, size]);
  if (failed === text) return <Alert type="warning" showIcon title={t("qr.failed")} data-testid={testId} />;
  if (!drawn || drawn.text !== text || drawn.size !== size) {
    return <Skeleton.Node active style={{ width: size, height: size }} />;
  }
  return (
    <Space orientation="vertical" size="small" data-testid={testId}>
      <img src={drawn.src} alt={label} width={size} height={size} className="qr-code" />
      <Space wrap>
        <Button size="small" icon={<DownloadOutlined />} href={drawn.src} download={fileName}>
          {t("qr.download")}
        </Button>
        <Button size="small" icon={<PrinterOutlined />} onClick={() => printImage(drawn.src, label, text)}>
          {t("qr.print")}
        </Button>
      </Space>
    </Space>
  );
}
