import { describe, expect, it } from "vitest";
import { learnServerToday, serverToday } from "./today";

describe("serverToday", () => {
  it("is the date in Asia/Shanghai before the server has said its own", () => {
    // 2026-12-06 21:00 UTC is already 2026-12-07 05:00 in Zhongshan.
    expect(serverToday(new Date("2026-12-06T21:00:00Z")).format("YYYY-MM-DD")).toBe("2026-12-07");
    expect(serverToday(new Date("2026-12-06T15:59:00Z")).format("YYYY-MM-DD")).toBe("2026-12-06");
  });

  it("is the server's date once an answer has carried it, whatever this device's clock says", () => {
    learnServerToday("not a date");
    expect(serverToday(new Date("2026-12-06T21:00:00Z")).format("YYYY-MM-DD")).toBe("2026-12-07");
    learnServerToday("2027-01-05");
    expect(serverToday(new Date("2026-12-06T21:00:00Z")).format("YYYY-MM-DD")).toBe("2027-01-05");
  });
});
