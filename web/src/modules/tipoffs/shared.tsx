// Pieces shared by the tip-off pages: the state tag, the timeline, the photo upload by receipt code.
import { Tag, Timeline } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, apiRequest, apiUrl, languageHeaders } from "../../api/client";
import type { SessionPayload } from "../../api/types";
import { formatTime } from "../../components/formatTime";

const stateColours: Record<string, string> = {
  submitted: "blue",
  investigating: "gold",
  verified: "green",
  not_verified: "default",
};

/** A tip-off's state as a coloured tag. */
export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColours[state] ?? "default"} data-testid="tipoff-state">
      {t(`tipoffs.states.${state}`)}
    </Tag>
  );
}

interface Event {
  kind: string;
  author: string;
  text: string;
  toReporter: boolean;
  createdAt: string;
}

/** The events of a tip-off, oldest first. */
export function EventTimeline({ events, staff = false }: { events: Event[]; staff?: boolean }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="tipoff-events"
      items={events.map((event) => ({
        key: `${event.createdAt}-${event.kind}`,
        content: (
          <>
            <strong>{t(`tipoffs.events.${event.kind}`)}</strong> · {t(`tipoffs.authors.${event.author}`)} ·{" "}
            {formatTime(event.createdAt)}
            {staff && !event.toReporter ? <Tag style={{ marginLeft: 8 }}>{t("tipoffs.internalNote")}</Tag> : null}
            {event.text ? <div style={{ whiteSpace: "pre-wrap" }}>{event.text}</div> : null}
          </>
        ),
      }))}
    />
  );
}

/** Sends one photo to POST /tipoffs/follow/photos (multipart, the receipt code before the file). */
export async function uploadTipoffPhoto(receiptCode: string, file: File): Promise<void> {
  // Not signed in: the public route needs no token.
  const csrfToken = await apiRequest<SessionPayload>("GET", "/auth/me", { expectUnauthorized: true }).then(
    (session) => session.csrfToken,
    () => null,
  );
  const body = new FormData();
  body.append("receiptCode", receiptCode);
  body.append("file", file);
  const response = await fetch(apiUrl("/tipoffs/follow/photos"), {
    method: "POST",
    body,
    credentials: "include",
    headers: { ...languageHeaders(), ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
  });
  if (response.ok) return;
  const answer = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
  throw new ApiError(
    response.status,
    answer.error?.code ?? "upload_failed",
    answer.error?.message ?? "",
    answer.error?.fields ?? {},
    answer as Record<string, unknown>,
  );
}
