/** Accepts a household's application: members from the registry, incomes, assets, evidence; computes eligibility. */
import { sql } from "kysely";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { isUniqueViolation } from "../../../platform/commands/context";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { findPerson, type HouseholdRecord } from "../../registry/repository";
import { assessEligibility } from "../eligibility";
import { parametersInForce } from "../parameters";
import { findCase, type CaseRecord } from "../repository";
import type { CaseCreateBody } from "../schemas";
import { assistanceDb } from "../tables";
import { monthOf, townOpinionDue } from "../workflow";
import { checkDate, parseAmount, recordEvent, type CommandContext } from "./context";
import { validateMembers } from "./members.input";
import { clock } from "../../../core/clock";

/** Tells whether an error is the unique violation of the one-open-case-per-household (or per-member) index. */
function isOpenCaseViolation(error: unknown): boolean {
  return isUniqueViolation(error, "assistance_cases_one_open", "assistance_case_members_one_open");
}

/** Submits a case for a registry household; an ineligible household is accepted and marked with the reasons. */
export async function submitCase(
  trx: Trx,
  context: CommandContext,
  household: HouseholdRecord,
  input: CaseCreateBody,
  channel: "online" | "counter",
): Promise<Result<CaseRecord, Problem>> {
  const today = clock.today();
  const submittedOn = input.submittedOn ?? today;
  const dated = checkDate(submittedOn, "submittedOn", today);
  if (!dated.ok) return dated;
  const assets = parseAmount(input.assetsYuan, "assetsYuan");
  if (!assets.ok) return assets;
  const open = await assistanceDb(trx)
    .selectFrom("assistance_cases")
    .select("id")
    .where("household_id", "=", household.id)
    .where("state", "not in", ["refused", "stopped", "withdrawn"])
    .executeTakeFirst();
  if (open)
    return err({
      code: "case_open",
      message: "该户已有在办或在保案件 (the household already has an open case)",
      field: "householdId",
    });
  const members = await validateMembers(trx, household, input.members, null);
  if (!members.ok) return members;
  if (context.actor && input.fileIds?.length) {
    const files = await checkAttachableFiles(trx, context.actor, input.fileIds, "fileIds");
    if (!files.ok) return files;
  }
  const month = monthOf(submittedOn);
  const eligibility = assessEligibility(
    {
      caseId: "new",
      members: members.value,
      assetsFen: assets.value,
      secondHome: input.secondHome,
      vehicle: input.vehicle,
    },
    month,
    await parametersInForce(trx),
  );
  if (!eligibility.ok) return eligibility;
  let payeeName = input.payeeName?.trim();
  if (!payeeName) {
    const head = household.headPersonId ? await findPerson(trx, household.headPersonId) : undefined;
    payeeName = head?.name ?? household.members[0]?.name ?? "";
  }
  const sequence = await sql<{ next: number }>`select nextval('assistance_case_numbers') as next`.execute(trx);
  const number = `DB${submittedOn.slice(0, 4)}-${String(sequence.rows[0].next).padStart(6, "0")}`;
  const db = assistanceDb(trx);
  let caseId: string;
  try {
    const inserted = await db
      .insertInto("assistance_cases")
      .values({
        number,
        household_id: household.id,
        town_code: household.townCode,
        community_id: household.communityId,
        applicant_person_id: context.actor?.personId ?? null,
        channel,
        state: "submitted",
        work_capacity: input.workCapacity,
        serious_illness: input.seriousIllness ?? false,
        assets_fen: assets.value,
        second_home: input.secondHome ?? false,
        vehicle: input.vehicle ?? false,
        payee_name: payeeName,
        bank_account: input.bankAccount,
        eligibility: JSON.stringify(eligibility.value),
        submitted_on: submittedOn,
        town_due_on: townOpinionDue(submittedOn),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    caseId = inserted.id;
    await db
      .insertInto("assistance_case_members")
      .values(
        members.value.map((member) => ({
          case_id: caseId,
          person_id: member.personId,
          town_code: household.townCode,
          relationship: member.relationship,
          monthly_income_fen: member.incomeFen,
          categories: member.categories,
        })),
      )
      .execute();
  } catch (error) {
    if (isOpenCaseViolation(error))
      return err({
        code: "case_open",
        message: "该户已有在办或在保案件 (the household already has an open case)",
        field: "householdId",
      });
    throw error;
  }
  await db
    .insertInto("assistance_case_revisions")
    .values({
      case_id: caseId,
      revision: 1,
      from_month: null,
      town_code: household.townCode,
      members: JSON.stringify(
        members.value.map(({ personId, incomeFen, categories }) => ({ personId, incomeFen, categories })),
      ),
      assets_fen: assets.value,
    })
    .execute();
  const record = (await findCase(trx, caseId))!;
  await recordEvent(trx, context, record, {
    kind: "submitted",
    onDate: submittedOn,
    details: {
      channel,
      number,
      members: members.value.length,
      eligibility: eligibility.value,
      townDueOn: record.townDueOn,
    },
    fileIds: input.fileIds,
  });
  return ok(record);
}
