/**
 * Referrals (转介) between modules: an item one module's people recommend but another department decides — a
 * services vendor's recommendation that a household receives assistance goes to the assistance module — is
 * forwarded here and takes effect only when the receiving module accepts it. The receiving module registers a
 * receiver for its kind; the forwarding module registers a listener that follows the decision. Both register
 * from their manifests and run in the caller's transaction, so neither module imports the other's internals.
 */
import { err, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import type { CommandContext } from "../commands/context";

/** What a forwarding module sends. */
export interface ReferralRequest {
  /** The receiving module's kind of referral, e.g. "assistance". */
  kind: string;
  /** The forwarding module and its record (one referral per record). */
  sourceModule: string;
  sourceId: string;
  /** The contract (or other parent record) the item belongs to, when there is one. */
  sourceContractId: string | null;
  /** Who recommended it, as staff recognise them (the vendor's name). */
  sourceName: string;
  /** The person or household concerned, as the source names it. */
  subjectName: string;
  /** The registry person when the source identifies one. */
  subjectPersonId: string | null;
  townCode: string;
  reason: string;
}

/** The receiving module's decision, told to the forwarding module. */
export interface ReferralDecision {
  referralId: string;
  sourceModule: string;
  sourceId: string;
  status: "accepted" | "declined";
  note: string;
  /** What the acceptance opened or linked (an assistance case's id and number). */
  caseId: string | null;
  caseNumber: string | null;
}

export type ReferralReceiver = (
  trx: Trx,
  context: CommandContext,
  request: ReferralRequest,
) => Promise<Result<{ referralId: string }>>;

export type ReferralListener = (trx: Trx, context: CommandContext, decision: ReferralDecision) => Promise<void>;

const receivers = new Map<string, ReferralReceiver>();
const listeners = new Map<string, ReferralListener>();

/** Registers (or replaces) the receiver of one kind of referral. */
export function receiveReferrals(kind: string, receiver: ReferralReceiver): void {
  receivers.set(kind, receiver);
}

/** Registers (or replaces) the listener of a forwarding module, called when one of its referrals is decided. */
export function onReferralDecided(sourceModule: string, listener: ReferralListener): void {
  listeners.set(sourceModule, listener);
}

/** Forwards an item to the module that decides it, in the caller's transaction; it is pending there. */
export async function forwardReferral(
  trx: Trx,
  context: CommandContext,
  request: ReferralRequest,
): Promise<Result<{ referralId: string }>> {
  const receiver = receivers.get(request.kind);
  if (!receiver)
    return err({
      code: "referral_unavailable",
      field: "kind",
      message: `kind: 没有模块受理此类转介 (no module receives referrals of kind ${request.kind})`,
    });
  return receiver(trx, context, request);
}

/** Tells the forwarding module that its referral was accepted or declined, in the deciding transaction. */
export async function referralDecided(trx: Trx, context: CommandContext, decision: ReferralDecision): Promise<void> {
  await listeners.get(decision.sourceModule)?.(trx, context, decision);
}
