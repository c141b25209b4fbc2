// The one way the web app talks to the server: cookies ride along, state-changing requests carry the
// session's CSRF token, errors arrive as ApiError with the server's code, message and per-field messages.
import type { FormInstance } from "antd";
import { learnServerToday } from "./today";

/** An error answer of the API, `{ error: { code, message, fields } }` plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string>,
    body: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }
}

const apiBase = "/api/v1";
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let requestLanguage = "zh-CN";

/** The language the user chose (i18next's): sent as Accept-Language, so the server's refusals come in it. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language === "en" ? "en" : "zh-CN";
}

/** The headers every request carries besides its own: the user's language. */
export function languageHeaders(): Record<string, string> {
  return { "accept-language": requestLanguage };
}

/** Remembers the session's CSRF token, sent on every POST/PUT/PATCH/DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when a request answers 401 (the router sends the user to the login page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  /** Query parameters; empty values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** JSON body. */
  body?: unknown;
  /** Sent as `Idempotency-Key` so a repeated submit does not create twice. */
  idempotencyKey?: string;
  /** When true a 401 is returned to the caller instead of leading to the login page. */
  expectUnauthorized?: boolean;
}

/** Builds `/api/v1/<path>?<query>` leaving out empty query values. */
export function apiUrl(path: string, query?: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `${apiBase}${path}${search ? `?${search}` : ""}`;
}

/** Sends one request with the session's headers (CSRF token, idempotency key); a network failure is an ApiError. */
async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...languageHeaders() };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "include",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, "network_error", "", {}, {});
  }
  learnServerToday(response.headers.get("x-gongzhi-today"));
  return response;
}

/** The ApiError of a refused answer (its problem body parsed when there is one). */
function refusal(response: Response, parsed: unknown, options: RequestOptions): ApiError {
  const body = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
  const error = (body.error && typeof body.error === "object" ? body.error : {}) as Record<string, unknown>;
  const fields = (error.fields && typeof error.fields === "object" ? error.fields : {}) as Record<string, string>;
  const apiError = new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : `http_${response.status}`,
    typeof error.message === "string" ? error.message : "",
    fields,
    error,
  );
  if (response.status === 401 && !options.expectUnauthorized && unauthorizedHandler) unauthorizedHandler();
  return apiError;
}

/** Parses a body as JSON, or null when it is empty or not JSON. */
function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sends one request to the API and returns the parsed JSON body, or throws ApiError. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  const parsed = parseJson(await response.text());
  if (response.ok) return parsed as T;
  throw refusal(response, parsed, options);
}

/**
 * The file name a Content-Disposition header gives: the UTF-8 `filename*` (RFC 5987, the name for people such as
 * 最低生活保障发放-2026年11月.csv) when present, else the plain `filename`, else `fallbackName`.
 */
export function downloadName(header: string | null, fallbackName: string): string {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(header ?? "")?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/.exec(header ?? "")?.[1] ?? fallbackName;
}

/**
 * POSTs and saves the answer as a file: for exports the server records (a bank file), which are never a GET link.
 * The file name is the server's (Content-Disposition), else `fallbackName`; a refusal throws ApiError.
 */
export async function apiDownload(path: string, body: unknown, fallbackName: string): Promise<void> {
  const response = await send("POST", path, { body });
  if (!response.ok) throw refusal(response, parseJson(await response.text()), {});
  const blob = await response.blob();
  const name = downloadName(response.headers.get("content-disposition"), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** GET shorthand. */
export function apiGet<T>(path: string, query?: RequestOptions["query"]): Promise<T> {
  return apiRequest<T>("GET", path, { query });
}

/** POST shorthand. */
export function apiPost<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  return apiRequest<T>("POST", path, { body: body ?? {}, idempotencyKey });
}

/** PATCH shorthand. */
export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>("PATCH", path, { body });
}

/** DELETE shorthand. */
export function apiDelete<T>(path: string): Promise<T> {
  return apiRequest<T>("DELETE", path);
}

/** Server field name → the form's field name (dotted), for forms whose fields differ from the body's. */
export type FieldMap = Record<string, string>;

/** The server's field messages that no field of the form shows, per error (kept for the alert above the form). */
const placements = new WeakMap<ApiError, { placed: number; unplaced: string[] }>();

/**
 * The messages of an error that are not shown under a field: those applyFieldErrors could not place, or all of
 * them when it was not called (a submission without a form). Never empty when the error names fields.
 */
export function unplacedMessages(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return placements.get(error)?.unplaced ?? [...new Set(Object.values(error.fields).map(String))];
}

/** The messages of an error shown under the form's fields (applyFieldErrors placed them). */
export function placedCount(error: unknown): number {
  if (!(error instanceof ApiError)) return 0;
  return placements.get(error)?.placed ?? 0;
}

const toNamePath = (name: string) => name.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Puts the server's per-field messages under the matching antd Form fields; true when there were any. A field the
 * form does not have (by name, through `fieldMap`, or by its last part when that is one field of the form: a
 * flattened `homeVisit.findings` → `findings`) is not marked: its message is kept for the alert (unplacedMessages).
 */
export function applyFieldErrors(
  form: Pick<FormInstance, "setFields"> & Partial<Pick<FormInstance, "getFieldsError">>,
  error: unknown,
  fieldMap: FieldMap = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return false;
  // Without a list of the form's fields (a form that is not mounted), every message goes under its named field.
  const registered = form.getFieldsError ? new Set(form.getFieldsError().map((field) => field.name.join("."))) : null;
  const lastParts = new Map<string, number>();
  for (const name of registered ?? []) {
    const last = name.split(".").at(-1)!;
    lastParts.set(last, (lastParts.get(last) ?? 0) + 1);
  }
  const placeOf = (name: string): string | null => {
    const mapped = fieldMap[name] ?? name;
    if (!registered || registered.has(mapped)) return mapped;
    const last = mapped.split(".").at(-1)!;
    return registered.has(last) && lastParts.get(last) === 1 ? last : null;
  };
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [name, message] of entries) {
    const place = placeOf(name);
    if (place) placed.push({ name: toNamePath(place), errors: [String(message)] });
    else if (!unplaced.includes(String(message))) unplaced.push(String(message));
  }
  if (placed.length > 0) form.setFields(placed);
  placements.set(error, { placed: placed.length, unplaced });
  return true;
}

/** A fresh key for `Idempotency-Key`, one per form submission. */
export function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Reads the list out of an answer that is either a page `{ items }` or a plain array. */
export function listItems<T>(answer: { items: T[] } | T[] | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : (answer.items ?? []);
}
