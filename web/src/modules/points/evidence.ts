// Uploads one evidence file (multipart) with the session's CSRF token; returns the stored file's id.
import { ApiError, apiGet, apiUrl, languageHeaders } from "../../api/client";
import type { SessionPayload } from "../../api/types";

/** Sends the file to POST /files and returns its id, or throws ApiError with the server's field messages. */
export async function uploadEvidence(file: File, townCode?: string): Promise<string> {
  const { csrfToken } = await apiGet<SessionPayload>("/auth/me");
  const body = new FormData();
  body.append("file", file);
  const response = await fetch(apiUrl("/files", { townCode }), {
    method: "POST",
    body,
    credentials: "include",
    headers: { ...languageHeaders(), ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
  });
  const answer = (await response.json().catch(() => ({}))) as {
    id?: string;
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
  if (!response.ok || !answer.id) {
    throw new ApiError(
      response.status,
      answer.error?.code ?? "upload_failed",
      answer.error?.message ?? "",
      answer.error?.fields ?? {},
      answer as Record<string, unknown>,
    );
  }
  return answer.id;
}
