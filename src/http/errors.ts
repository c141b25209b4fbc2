import type { FastifyError, FastifyInstance } from "fastify";
import { errorBody, type FieldMessages } from "../platform/http/request-context";
import {
  inLanguage,
  localiseRefusal,
  requestLanguage,
  validationFields,
  validationSummary,
  type MessageLanguage,
  type ValidationIssue,
} from "./validation-messages";

/**
 * Turns Ajv validation issues into `{ field: message }`: a sentence per field naming it in the caller's language
 * (src/http/validation-messages.ts), e.g. `bankAccount` → "银行账号应为12至30位数字（不含空格或横线）".
 */
export function fieldsFromValidation(
  issues: readonly ValidationIssue[],
  language: MessageLanguage = "both",
): FieldMessages {
  return Object.fromEntries(
    Object.entries(validationFields(issues)).map(([field, text]) => [field, inLanguage(text, language)]),
  );
}

/** Whether a payload is the API's error shape `{ error: { code, message, fields } }`. */
function isErrorBody(payload: unknown): payload is { error: { message: string; fields?: FieldMessages } } {
  if (!payload || typeof payload !== "object") return false;
  const error = (payload as { error?: unknown }).error;
  return !!error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string";
}

/**
 * The error body with its message and field messages in one language (none asked: left as "中文 (English)").
 * The general message names the field it repeats, when it repeats one.
 */
export function localiseErrorBody<T>(payload: T, language: MessageLanguage): T {
  if (language === "both" || !isErrorBody(payload)) return payload;
  const { error } = payload;
  const code = (error as { code?: string }).code;
  const entries = Object.entries(error.fields ?? {});
  const fields = Object.fromEntries(
    entries.map(([field, message]) => [field, localiseRefusal(String(message), language, { code, field })]),
  );
  const repeated = entries.find(([, message]) => message === error.message)?.[0];
  return {
    ...payload,
    error: {
      ...error,
      message: repeated ? fields[repeated] : localiseRefusal(error.message, language, { code }),
      fields,
    },
  };
}

/** The path of the first string (or property name) containing a NUL character, e.g. `members.0.name`, or null. */
export function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "body" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, path ? `${path}.${index}` : String(index));
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const name = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) return name;
      const found = findNul(item, name);
      if (found) return found;
    }
  }
  return null;
}

/** PostgreSQL errors caused by the input, not the server: a NUL in text or JSON, a number out of range. */
const inputErrorCodes = new Set(["22021", "22P05", "22003"]);

/** The multipart parser's own errors (a body cut short, no boundary, a broken part header): the client's fault. */
export function isMalformedMultipart(error: Error): boolean {
  return (
    /^(Unexpected end of (multipart data|form|file)|Multipart: |Malformed part header)/.test(error.message) ||
    /[\\/]@fastify[\\/]busboy[\\/]/.test(error.stack ?? "")
  );
}

/** @fastify/multipart's limit and format errors, with a message a person can read. */
const multipartErrors: Record<string, { status: number; code: string; message: string }> = {
  FST_PARTS_LIMIT: { status: 413, code: "too_many_parts", message: "表单部分过多 (too many parts in the form)" },
  FST_FILES_LIMIT: { status: 413, code: "too_many_files", message: "文件过多 (too many files in the form)" },
  FST_FIELDS_LIMIT: { status: 413, code: "too_many_fields", message: "表单字段过多 (too many fields in the form)" },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: "file_too_large", message: "文件过大 (file too large)" },
  FST_PROTO_VIOLATION: { status: 400, code: "malformed_multipart", message: "表单字段名无效 (invalid field name)" },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "请用 multipart/form-data 上传 (send multipart/form-data)",
  },
};

/** Connection failures: the database is down, restarting, unreachable or out of connections (not the request's fault). */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, recovering)
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Whether an error means the database cannot be reached right now (a 503: try again shortly). */
export function isDatabaseUnavailable(error: Error): boolean {
  const code = String((error as { code?: unknown }).code ?? "");
  return (
    unavailableCodes.has(code) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|Connection refused|not queryable|timeout exceeded when trying to connect/i.test(
      error.message,
    )
  );
}

/** Installs the error handler: every error leaves as `{ error: { code, message, fields } }` with the right status. */
export function installErrorHandler(app: FastifyInstance): void {
  // Every refusal in the language the caller asked for (Accept-Language: the web app sends the user's choice).
  app.addHook("preSerialization", async (request, reply, payload) =>
    reply.statusCode >= 400 ? localiseErrorBody(payload, requestLanguage(request.headers["accept-language"])) : payload,
  );
  // No text the database can store holds a NUL character: refuse it before any route runs, naming the field.
  app.addHook("preValidation", async (request, reply) => {
    const field = findNul(request.params) ?? findNul(request.query) ?? findNul(request.body);
    if (field)
      return reply.code(400).send(
        errorBody("validation_failed", `输入含有空字符，请删除后重试 (NUL character in ${field})`, {
          [field]: "不能包含空字符，请删除后重试 (must not contain a NUL character)",
        }),
      );
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const language = requestLanguage(request.headers["accept-language"]);
      const texts = validationFields(error.validation as ValidationIssue[]);
      const fields = Object.fromEntries(
        Object.entries(texts).map(([field, text]) => [field, inLanguage(text, language)]),
      );
      return reply
        .code(400)
        .send(errorBody("validation_failed", inLanguage(validationSummary(texts), language), fields));
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send(errorBody("body_too_large", "请求体过大 (request body larger than 1 MiB)"));
    }
    if (
      error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      error instanceof SyntaxError
    ) {
      return reply.code(400).send(errorBody("malformed_json", "请求体不是有效的 JSON (malformed JSON body)"));
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply
        .code(415)
        .send(errorBody("unsupported_media_type", "请使用 application/json (unsupported content type)"));
    }
    const multipart = error.code ? multipartErrors[error.code] : undefined;
    if (multipart) return reply.code(multipart.status).send(errorBody(multipart.code, multipart.message));
    if (isMalformedMultipart(error)) {
      return reply
        .code(400)
        .send(
          errorBody(
            "malformed_multipart",
            "上传的表单不完整或格式有误，请重新上传 (malformed or truncated multipart/form-data body)",
          ),
        );
    }
    if (error.statusCode === 429) {
      return reply.code(429).send(errorBody("rate_limited", "请求过于频繁，请稍后再试 (too many requests)"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody(error.code ?? "bad_request", error.message));
    }
    if (inputErrorCodes.has(String((error as { code?: unknown }).code))) {
      return reply
        .code(400)
        .send(
          errorBody(
            "invalid_input",
            "输入超出可保存的范围或含有无效字符 (a value is out of range or contains an invalid character)",
          ),
        );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return reply
        .code(503)
        .header("retry-after", "5")
        .send(
          errorBody(
            "database_unavailable",
            "数据库暂时不可用，请稍后重试 (the database is unavailable, try again shortly)",
          ),
        );
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send(errorBody("internal_error", "服务器内部错误 (internal error)"));
  });
}
