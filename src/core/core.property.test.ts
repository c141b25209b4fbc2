import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./calendar";
import { addDays, daysBetween, isIsoDate } from "./dates";
import { generateIdNumber, validateIdNumber } from "./id-number";
import { maskIdNumber } from "./masking";
import { fenToYuanString, yuanToFen } from "./money";
import { formatPoints, parsePoints } from "./points";

const isoDate = (min: string, max: string) =>
  fc.integer({ min: 0, max: daysBetween(min, max) }).map((offset) => addDays(min, offset));

describe("core properties", () => {
  it("fen and points round-trip through their strings", () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => yuanToFen(fenToYuanString(fen)) === fen));
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (h) => parsePoints(formatPoints(h)) === h));
  });
  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(isoDate("1900-01-01", "2100-12-31"), fc.integer({ min: -40000, max: 40000 }), (date, n) => {
        const moved = addDays(date, n);
        return isIsoDate(moved) && daysBetween(date, moved) === n;
      }),
    );
  });
  it("addWorkingDays lands on a working day n working days away", () => {
    fc.assert(
      fc.property(isoDate("2005-01-01", "2025-12-31"), fc.integer({ min: -60, max: 60 }), (date, n) => {
        const target = addWorkingDays(date, n);
        if (n === 0) return target === date;
        return isWorkingDay(target) && workingDaysBetween(date, target) === n;
      }),
      { numRuns: 200 },
    );
  });
  it("generated ID numbers validate and mask to 18 characters", () => {
    fc.assert(
      fc.property(isoDate("1900-01-01", "2026-11-27"), fc.integer({ min: 0, max: 999 }), (birthDate, sequence) => {
        const id = generateIdNumber("442000", birthDate, sequence);
        const result = validateIdNumber(id, "2026-11-27");
        expect(result).toMatchObject({
          ok: true,
          value: { birthDate, gender: sequence % 2 === 1 ? "male" : "female" },
        });
        expect(maskIdNumber(id)).toMatch(/^4420\*{10}\d{3}[\dX]$/);
      }),
    );
  });
});
