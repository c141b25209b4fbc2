import { fenToYuanString } from "../../core/money";
import type { ApplicationRecord, CallRecord } from "./repository";

export function presentCall(call: CallRecord) {
  return { ...call, budgetYuan: fenToYuanString(call.budgetFen) };
}

/** An application without the payee's bank details (those appear only in the payment file). */
export function presentApplication(application: ApplicationRecord) {
  return {
    id: application.id,
    callId: application.callId,
    applicantName: application.applicantName,
    title: application.title,
    summary: application.summary,
    requestedYuan: fenToYuanString(application.requestedFen),
    budgetLines: application.budgetLines.map((line) => ({
      item: line.item,
      amountYuan: fenToYuanString(line.amountFen),
    })),
    score: application.score,
    rank: application.rank,
    outcome: application.outcome,
    grantedYuan: fenToYuanString(application.grantedFen),
    paidYuan: fenToYuanString(application.paidFen),
  };
}
