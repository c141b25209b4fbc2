import { err, ok, type Result } from "../../../core/result";
import { validatePhone } from "../../../core/phone";
import type { Executor } from "../../../db/transaction";
import { communityTown, townExists } from "../repository";

/** Checks that the 镇区 exists and that the community, when given, belongs to it. */
export async function checkTownAndCommunity(
  executor: Executor,
  townCode: string,
  communityId: string | null | undefined,
): Promise<Result<null>> {
  if (!(await townExists(executor, townCode))) {
    return err({ code: "unknown_town", message: `未知的镇区代码 "${townCode}" (unknown town)`, field: "townCode" });
  }
  if (communityId) {
    const town = await communityTown(executor, communityId);
    if (town === undefined) {
      return err({ code: "unknown_community", message: "社区不存在 (unknown community)", field: "communityId" });
    }
    if (town !== townCode) {
      return err({
        code: "community_not_in_town",
        message: `该社区不属于镇区 ${townCode} (community is in another town)`,
        field: "communityId",
      });
    }
  }
  return ok(null);
}

/** Validates an optional phone: null or empty clears it, anything else must be a valid mainland number. */
export function checkOptionalPhone(phone: string | null | undefined, field = "phone"): Result<string | null> {
  if (phone === undefined || phone === null || phone.trim() === "") return ok(null);
  return validatePhone(phone, field);
}

/** Validates a unified social credit code (统一社会信用代码): 18 characters from its alphabet. */
export function checkCreditCode(code: string | null | undefined): Result<string | null> {
  if (code === undefined || code === null || code.trim() === "") return ok(null);
  const normalised = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(normalised)) {
    return err({
      code: "credit_code.format",
      message: "统一社会信用代码应为18位 (credit code must have 18 valid characters)",
      field: "creditCode",
    });
  }
  return ok(normalised);
}
