import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { lockedUntil } from "./lockout";

describe("lockedUntil", () => {
  it("reads the lockedUntil field of the 423 error body, in Asia/Shanghai", () => {
    const until = "2026-11-27T02:15:00.000Z";
    const error = new ApiError(423, "account_locked", "账户已锁定", {}, { code: "account_locked", lockedUntil: until });
    expect(lockedUntil(error)).toBe("2026-11-27 10:15");
  });

  it("does not parse the message text: no field, no time", () => {
    const error = new ApiError(
      423,
      "account_locked",
      "account locked until 2026-11-27T02:15:00.000Z",
      {},
      { code: "account_locked" },
    );
    expect(lockedUntil(error)).toBeNull();
  });
});
