// Reads a QR code with the device's camera (the back camera on a phone), in the browser: frames of the video are
// drawn on a canvas and decoded by the `jsqr` package (loaded only when a scan starts; nothing leaves the device).
// When the camera cannot be used — no camera, permission refused, a page served without HTTPS — it says so in
// words and the caller's text field (a handheld scanner types into it) still works.
import { Alert, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Why the camera cannot be used, as a message key. */
type Failure = "insecure" | "denied" | "missing" | "busy" | "failed";

function failureOf(error: unknown): Failure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "missing";
  if (name === "NotReadableError" || name === "AbortError") return "busy";
  return "failed";
}

/** How often a frame is decoded (ms): often enough to feel instant, rarely enough for a phone's battery. */
const scanIntervalMs = 150;

/** Shows the camera and calls `onScan` once with the first QR code's text; stops the camera when unmounted. */
export function QrScanner({ onScan }: { onScan: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [live, setLive] = useState(false);
  const scanned = useRef(onScan);
  scanned.current = onScan;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let unmounted = false;
    const stop = () => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
      stream?.getTracks().forEach((track) => track.stop());
    };
    const cleanup = () => {
      unmounted = true;
      stop();
    };
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setFailure("insecure");
      return cleanup;
    }
    void (async () => {
      try {
        const [media, { default: jsQR }] = await Promise.all([
          navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }),
          import("jsqr"),
        ]);
        stream = media;
        if (unmounted || !video.current) return stop();
        video.current.srcObject = media;
        await video.current.play();
        setLive(true);
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d", { willReadFrequently: true });
        timer = window.setInterval(() => {
          const frame = video.current;
          if (!frame || !context || frame.readyState < 2 || frame.videoWidth === 0) return;
          canvas.width = frame.videoWidth;
          canvas.height = frame.videoHeight;
          context.drawImage(frame, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          if (code && code.data.trim() !== "") {
            stop();
            scanned.current(code.data.trim());
          }
        }, scanIntervalMs);
      } catch (error) {
        stop();
        if (!unmounted) setFailure(failureOf(error));
      }
    })();
    return cleanup;
  }, []);

  if (failure)
    return <Alert type="warning" showIcon data-testid="qr-scanner-failure" title={t(`qrScanner.${failure}`)} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <video
        ref={video}
        muted
        playsInline
        aria-label={t("qrScanner.video")}
        data-testid="qr-scanner-video"
        style={{ width: "100%", maxHeight: 360, background: "#000", borderRadius: 8 }}
      />
      <Typography.Text type="secondary" aria-live="polite">
        {live ? t("qrScanner.aim") : t("qrScanner.starting")}
      </Typography.Text>
    </Space>
  );
}
