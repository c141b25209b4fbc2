/**
 * Validation of a case's members against the registry household: every current member listed once, nobody
 * from another household, nobody already in another open case, incomes exact in fen and never negative.
 */
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findPerson, type HouseholdRecord } from "../../registry/repository";
import { openCaseOfPerson } from "../repository";
import type { RevisionMember } from "../tables";
import { parseAmount } from "./context";

/** A member as received in a body. */
export interface MemberBody {
  personId: string;
  monthlyIncomeYuan: string | number;
  categories?: string[];
}

/** A validated member with the relationship the registry records. */
export interface CaseMemberInput extends RevisionMember {
  relationship: string;
}

/** Checks the listed members against the household's current members and other open cases. */
export async function validateMembers(
  trx: Trx,
  household: HouseholdRecord,
  members: readonly MemberBody[],
  ownCaseId: string | null,
): Promise<Result<CaseMemberInput[], Problem>> {
  const seen = new Set<string>();
  const result: CaseMemberInput[] = [];
  for (const [index, member] of members.entries()) {
    const field = `members.${index}`;
    if (seen.has(member.personId))
      return err({
        code: "duplicate_member",
        message: "同一成员重复 (member listed twice)",
        field: `${field}.personId`,
      });
    seen.add(member.personId);
    const current = household.members.find((candidate) => candidate.personId === member.personId);
    if (!current) {
      const person = await findPerson(trx, member.personId);
      const elsewhere = person?.householdId && person.householdId !== household.id;
      return err({
        code: elsewhere ? "member_in_other_household" : "not_a_member",
        message: elsewhere
          ? "此人属于另一户，不能计入本户 (person belongs to another household)"
          : "此人不是本户当前成员 (not a current member of the household)",
        field: `${field}.personId`,
      });
    }
    const income = parseAmount(member.monthlyIncomeYuan, `${field}.monthlyIncomeYuan`);
    if (!income.ok) return income;
    const openCase = await openCaseOfPerson(trx, member.personId);
    if (openCase && openCase !== ownCaseId) {
      return err({
        code: "member_in_open_case",
        message: "此人已在另一宗在办或在保案件中 (person is in another open case)",
        field: `${field}.personId`,
      });
    }
    result.push({
      personId: member.personId,
      relationship: current.relationship,
      incomeFen: income.value,
      categories: [...new Set(member.categories ?? [])],
    });
  }
  const missing = household.members.find((candidate) => !seen.has(candidate.personId));
  if (missing) {
    return err({
      code: "member_missing",
      message: `共同生活成员 ${missing.name} 未列入 (every current household member must be listed)`,
      field: "members",
    });
  }
  return ok(result);
}
