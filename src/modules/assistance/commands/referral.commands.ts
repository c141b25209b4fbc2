/**
 * Referrals (转介) into the assistance module: another module forwards an item that needs the assistance desk's
 * decision (a services vendor's recommendation that a household receives 低保); it takes effect only when the
 * 镇区's clerk or a programme admin accepts it here — which opens the household's application through the
 * module's own `submitCase`, or links a case already open — in the same transaction. A decline needs a reason.
 * The forwarding module is told the decision through the platform (src/platform/referrals).
 */
import { clock } from "../../../core/clock";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext as SharedContext } from "../../../platform/commands/context";
import { notFoundProblem } from "../../../platform/http/command-reply";
import { referralDecided, type ReferralRequest } from "../../../platform/referrals/referrals";
import { hasRole, type Actor } from "../../../platform/roles";
import { findHousehold } from "../../registry/repository";
import { mayOnAssistance } from "../policies";
import { findReferral, type ReferralRecord } from "../referrals.repository";
import type { CaseCreateBody } from "../schemas";
import { assistanceDb } from "../tables";
import { referralDue } from "../workflow";
import { submitCase } from "./case.submit";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

/** Cases in these states are closed: a referral cannot take effect through them. */
const closedStates = ["refused", "stopped", "withdrawn"] as const;

/** Receives a forwarded item as a pending referral of its 镇区 (the platform's receiver of kind "assistance"). */
export async function receiveReferral(
  trx: Trx,
  context: SharedContext,
  request: ReferralRequest,
): Promise<Result<{ referralId: string }>> {
  const db = assistanceDb(trx);
  let id: string;
  try {
    id = (
      await db
        .insertInto("assistance_referrals")
        .values({
          source_module: request.sourceModule,
          source_id: request.sourceId,
          source_contract_id: request.sourceContractId,
          source_name: request.sourceName,
          subject_name: request.subjectName,
          subject_person_id: request.subjectPersonId,
          town_code: request.townCode,
          reason: request.reason,
          received_on: clock.today(),
          due_on: referralDue(clock.today()),
          received_at: clock.now(),
          forwarded_by: context.actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } catch (error) {
    if (isUniqueViolation(error, "assistance_referrals_one_per_source"))
      return refuse("referral_exists", "id", "该事项已转介 (the item is already referred)");
    throw error;
  }
  await audit(trx, context, {
    action: "assistance.referral.receive",
    entityType: "assistance_referral",
    entityId: id,
    townCode: request.townCode,
    after: {
      sourceModule: request.sourceModule,
      sourceId: request.sourceId,
      sourceName: request.sourceName,
      subjectName: request.subjectName,
      reason: request.reason,
    },
  });
  return ok({ referralId: id });
}

/** Only the assistance desk of the referral's 镇区 decides; never a vendor. */
function checkDecider(actor: Actor, referral: ReferralRecord): Problem | undefined {
  if (hasRole(actor, "vendor"))
    return {
      code: "vendor_cannot_decide",
      field: "status",
      message: "status: 服务机构不能审批转介，须由民政部门决定 (a vendor never decides a referral)",
    };
  if (!mayOnAssistance(actor, "case.create", referral)) return notFoundProblem;
  if (referral.status !== "pending")
    return {
      code: "already_decided",
      field: "status",
      message: "status: 该转介已有决定 (the referral is already decided)",
    };
  return undefined;
}

async function settle(
  trx: Trx,
  context: SharedContext,
  referral: ReferralRecord,
  decision: { status: "accepted" | "declined"; note: string; caseId: string | null; caseNumber: string | null },
  opened: boolean,
): Promise<ReferralRecord> {
  await assistanceDb(trx)
    .updateTable("assistance_referrals")
    .set({
      status: decision.status,
      case_id: decision.caseId,
      decision_note: decision.note,
      decided_by: context.actor.id,
      decided_at: clock.now(),
    })
    .where("id", "=", referral.id)
    .where("status", "=", "pending")
    .execute();
  await audit(trx, context, {
    action: decision.status === "accepted" ? "assistance.referral.accept" : "assistance.referral.decline",
    entityType: "assistance_referral",
    entityId: referral.id,
    townCode: referral.townCode,
    before: { status: referral.status },
    after: {
      status: decision.status,
      note: decision.note,
      ...(decision.caseId ? { caseId: decision.caseId, caseNumber: decision.caseNumber, opened } : {}),
    },
  });
  await referralDecided(trx, context, {
    referralId: referral.id,
    sourceModule: referral.sourceModule,
    sourceId: referral.sourceId,
    status: decision.status,
    note: decision.note,
    caseId: decision.caseId,
    caseNumber: decision.caseNumber,
  });
  return (await findReferral(trx, referral.id))!;
}

/**
 * Accepts a referral by opening the household's application at the counter (`submitCase`, the module's own
 * command): the household must be of the referral's 镇区. Refused input leaves the referral pending.
 */
export async function acceptReferralWithApplication(
  trx: Trx,
  context: SharedContext,
  referral: ReferralRecord,
  application: CaseCreateBody,
): Promise<Result<ReferralRecord>> {
  const refused = checkDecider(context.actor, referral);
  if (refused) return err(refused);
  const household = await findHousehold(trx, application.householdId);
  if (!household || household.townCode !== referral.townCode)
    return refuse(
      "household_other_town",
      "householdId",
      "须为转介所在镇区的登记家庭 (the household must be registered in the referral's town)",
    );
  const submitted = await submitCase(trx, context, household, application, "counter");
  if (!submitted.ok) return submitted;
  return ok(
    await settle(
      trx,
      context,
      referral,
      { status: "accepted", note: "", caseId: submitted.value.id, caseNumber: submitted.value.number },
      true,
    ),
  );
}

/** Accepts a referral by linking a case of its 镇区 that is already open (the household applied before). */
export async function acceptReferralWithCase(
  trx: Trx,
  context: SharedContext,
  referral: ReferralRecord,
  input: { caseNumber: string; note?: string },
): Promise<Result<ReferralRecord>> {
  const refused = checkDecider(context.actor, referral);
  if (refused) return err(refused);
  const found = await assistanceDb(trx)
    .selectFrom("assistance_cases")
    .select(["id", "number", "state", "town_code"])
    .where("number", "=", input.caseNumber.trim())
    .executeTakeFirst();
  if (!found || found.town_code !== referral.townCode)
    return refuse("unknown_case", "caseNumber", "转介所在镇区没有此案件编号 (no such case in the referral's town)");
  if ((closedStates as readonly string[]).includes(found.state))
    return refuse(
      "case_closed",
      "caseNumber",
      "该案件已结束，请受理新的申请 (the case is closed; open a new application)",
    );
  return ok(
    await settle(
      trx,
      context,
      referral,
      { status: "accepted", note: input.note?.trim() ?? "", caseId: found.id, caseNumber: found.number },
      false,
    ),
  );
}

/** Declines a referral with the reason the source receives. */
export async function declineReferral(
  trx: Trx,
  context: SharedContext,
  referral: ReferralRecord,
  input: { reason: string },
): Promise<Result<ReferralRecord>> {
  const refused = checkDecider(context.actor, referral);
  if (refused) return err(refused);
  const reason = input.reason.trim();
  if (!reason) return refuse("reason_required", "reason", "不予受理须说明理由 (a decline needs its reason)");
  return ok(
    await settle(trx, context, referral, { status: "declined", note: reason, caseId: null, caseNumber: null }, false),
  );
}
