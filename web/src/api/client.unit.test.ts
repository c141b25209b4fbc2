import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  apiRequest,
  apiUrl,
  applyFieldErrors,
  downloadName,
  listItems,
  placedCount,
  setRequestLanguage,
  unplacedMessages,
  setCsrfToken,
  setUnauthorizedHandler,
} from "./client";

function answer(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe("downloadName", () => {
  it("prefers the UTF-8 name for people over the ASCII fallback", () => {
    const header = `attachment; filename="dibao-2026-11.csv"; filename*=UTF-8''${encodeURIComponent("最低生活保障发放-2026年11月.csv")}`;
    expect(downloadName(header, "x.csv")).toBe("最低生活保障发放-2026年11月.csv");
  });

  it("uses the plain name, then the fallback", () => {
    expect(downloadName('attachment; filename="dibao-2026-11.csv"', "x.csv")).toBe("dibao-2026-11.csv");
    expect(downloadName("attachment; filename*=UTF-8''%E0%A4%A", "x.csv")).toBe("x.csv");
    expect(downloadName(null, "x.csv")).toBe("x.csv");
  });
});

describe("apiUrl", () => {
  it("prefixes /api/v1 and leaves out empty query values", () => {
    expect(apiUrl("/persons", { q: "张三", page: 2, actorId: "", entityType: undefined, x: null })).toBe(
      "/api/v1/persons?q=%E5%BC%A0%E4%B8%89&page=2",
    );
    expect(apiUrl("/towns")).toBe("/api/v1/towns");
  });
});

describe("apiRequest", () => {
  it("sends the CSRF token on writes but not on reads, with cookies", async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    setCsrfToken("token-1");
    await apiRequest("GET", "/auth/me");
    await apiRequest("PATCH", "/persons/1", { body: { version: 1 } });
    const [, read] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [, write] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((read.headers as Record<string, string>)["x-csrf-token"]).toBeUndefined();
    expect((write.headers as Record<string, string>)["x-csrf-token"]).toBe("token-1");
    expect(write.credentials).toBe("include");
    expect(write.body).toBe('{"version":1}');
  });

  it("sends the user's language, so refusals come in it", async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    setRequestLanguage("en");
    await apiRequest("GET", "/auth/me");
    setRequestLanguage("zh-CN");
    await apiRequest("GET", "/auth/me");
    const [, english] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [, chinese] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((english.headers as Record<string, string>)["accept-language"]).toBe("en");
    expect((chinese.headers as Record<string, string>)["accept-language"]).toBe("zh-CN");
  });

  it("sends an Idempotency-Key when given", async () => {
    const fetchMock = vi.fn(async () => answer(201, { id: "p1" }));
    vi.stubGlobal("fetch", fetchMock);
    await apiRequest("POST", "/persons", { body: {}, idempotencyKey: "key-1" });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)["idempotency-key"]).toBe("key-1");
  });

  it("turns the error shape into an ApiError with status, code and fields", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        answer(400, {
          error: { code: "invalid_id_number", message: "校验位错误", fields: { idNumber: "校验位错误" } },
        }),
      ),
    );
    const failure = await apiRequest("POST", "/persons", { body: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      code: "invalid_id_number",
      message: "校验位错误",
      fields: { idNumber: "校验位错误" },
    });
  });

  it("names a version conflict", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        answer(409, { error: { code: "version_conflict", message: "someone saved first", fields: {} } }),
      ),
    );
    await expect(apiRequest("PATCH", "/persons/1", { body: { version: 1 } })).rejects.toMatchObject({
      status: 409,
      code: "version_conflict",
    });
  });

  it("copes with a body that is not JSON", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("Bad Gateway", { status: 502 })),
    );
    await expect(apiRequest("GET", "/towns")).rejects.toMatchObject({ status: 502, code: "http_502", fields: {} });
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("fetch failed"))),
    );
    await expect(apiRequest("GET", "/towns")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("calls the 401 handler unless the caller expects 401", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answer(401, { error: { code: "unauthenticated", message: "", fields: {} } })),
    );
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(apiRequest("GET", "/persons", { query: { q: "张三" } })).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(apiRequest("GET", "/auth/me", { expectUnauthorized: true })).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe("applyFieldErrors", () => {
  it("puts each server field message under its form field, list paths as numbers", () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as Parameters<typeof applyFieldErrors>[0];
    const error = new ApiError(
      400,
      "validation_failed",
      "",
      { idNumber: "bad", "roles.0.townCode": "a clerk needs a town" },
      {},
    );
    expect(applyFieldErrors(form, error)).toBe(true);
    expect(setFields).toHaveBeenCalledWith([
      { name: ["idNumber"], errors: ["bad"] },
      { name: ["roles", 0, "townCode"], errors: ["a clerk needs a town"] },
    ]);
  });

  it("marks only the fields the form has (mapped, or by a unique last part) and keeps the others for the alert", () => {
    const setFields = vi.fn();
    const form = {
      setFields,
      getFieldsError: () => [
        { name: ["childId"], errors: [] },
        { name: ["findings"], errors: [] },
      ],
    } as unknown as Parameters<typeof applyFieldErrors>[0];
    const error = new ApiError(
      400,
      "validation_failed",
      "",
      {
        "child.idNumber": "子女的身份证号码校验位不正确",
        "homeVisit.findings": "入户调查的调查情况不能超过2000个字",
        fileIds: "请上传证明材料",
      },
      {},
    );
    expect(applyFieldErrors(form, error, { "child.idNumber": "childId" })).toBe(true);
    expect(setFields).toHaveBeenCalledWith([
      { name: ["childId"], errors: ["子女的身份证号码校验位不正确"] },
      { name: ["findings"], errors: ["入户调查的调查情况不能超过2000个字"] },
    ]);
    expect(unplacedMessages(error)).toEqual(["请上传证明材料"]);
    expect(placedCount(error)).toBe(2);
    // An error no form has placed: every message is for the alert.
    const other = new ApiError(400, "x", "", { a: "一", b: "二" }, {});
    expect(unplacedMessages(other)).toEqual(["一", "二"]);
  });

  it("does nothing for errors without fields or that are not API errors", () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as Parameters<typeof applyFieldErrors>[0];
    expect(applyFieldErrors(form, new ApiError(409, "version_conflict", "", {}, {}))).toBe(false);
    expect(applyFieldErrors(form, new Error("boom"))).toBe(false);
    expect(setFields).not.toHaveBeenCalled();
  });
});

describe("listItems", () => {
  it("reads pages and plain arrays alike", () => {
    const page = { items: [1, 2], total: 2, page: 1, pageSize: 20 };
    expect(listItems(page)).toEqual([1, 2]);
    expect(listItems([3])).toEqual([3]);
    expect(listItems(undefined)).toEqual([]);
  });
});
