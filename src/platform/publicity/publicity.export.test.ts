// A publicity PDF keeps every character of a long cell: the cell wraps inside its column instead of being cut.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listToPdf } from "./publicity.export";
import type { PublicityEntry, PublicityList } from "./publicity.lists";

const list: PublicityList = {
  id: "00000000-0000-4000-8000-000000000001",
  kind: "points",
  subjectKey: "points:test",
  version: 1,
  title: "2026年度石岐区积分入学排名公示",
  townCode: "shiqi",
  startDate: "2026-06-01",
  workingDays: 7,
  endDate: "2026-06-09",
  status: "publicised",
  columns: [
    { key: "total", label: "积分" },
    { key: "result", label: "结果" },
  ],
  publishedAt: "2026-06-01T02:00:00.000Z",
  entryCount: 2,
};

const longResult = "录取（石岐区第一小学（孙文西路校区）一年级，第二轮调剂后按就近原则安排）";

const entries: PublicityEntry[] = [1, 2].map((rank) => ({
  id: `00000000-0000-4000-8000-00000000000${rank + 1}`,
  position: rank,
  rank,
  maskedName: "张*三",
  maskedIdNumber: "4420**********123X",
  townCode: "shiqi",
  values: { total: 120.5, result: longResult },
  subjectType: "points_application",
  subjectId: `s${rank}`,
}));

describe("publicity PDF", () => {
  it("wraps a long cell within its column, keeping all of its text", async () => {
    const bytes = await listToPdf(list, entries, new Map([["shiqi", "石岐区"]]));
    const folder = mkdtempSync(join(tmpdir(), "publicity-pdf-"));
    try {
      writeFileSync(join(folder, "list.pdf"), bytes);
      const text = execFileSync("pdftotext", ["-raw", join(folder, "list.pdf"), "-"], { encoding: "utf8" });
      const joined = text.replace(/\s+/g, "");
      // both rows carry the whole result, over several lines of its column
      expect(joined.split(longResult).length - 1).toBe(2);
      expect(text).not.toContain("…");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
