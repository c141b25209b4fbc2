import { fenToYuanString } from "../../core/money";
import type { PublicityList } from "../../platform/publicity/publicity.lists";
import type { ApplicationRecord, CallRecord, FundReportRecord } from "./repository";

export function presentCall(call: CallRecord) {
  return {
    id: call.id,
    year: call.year,
    title: call.title,
    budgetYuan: fenToYuanString(call.budgetFen),
    criteria: call.criteria,
    partialFunding: call.partialFunding,
    startSharePercent: call.startSharePercent,
    applicationsCloseOn: call.applicationsCloseOn,
    reviewWorkingDays: call.reviewWorkingDays,
    reportReviewWorkingDays: call.reportReviewWorkingDays,
    status: call.status,
    publicityListId: call.publicityListId,
    categories: call.categories.map((each) => ({
      code: each.code,
      label: each.label,
      budgetYuan: each.budgetFen === null ? null : fenToYuanString(each.budgetFen),
    })),
    eligibleTypes: call.eligibleTypes,
    eligibleTowns: call.eligibleTowns,
  };
}

export function presentReport(report: FundReportRecord) {
  return {
    id: report.id,
    applicationId: report.applicationId,
    kind: report.kind,
    summary: report.summary,
    spentYuan: fenToYuanString(report.spentFen),
    fileIds: report.fileIds,
    submittedAt: new Date(report.submittedAt).toISOString(),
    status: report.status,
    score: report.score === null ? null : fenToYuanString(report.score),
    reviewNote: report.reviewNote,
  };
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
    category: application.category,
    applicantType: application.applicantType,
    townCode: application.townCode,
  };
}

/** An allocated call for the public results page: its projects ranked, without payee, bank account or summary. */
export function presentPublicResult(
  call: CallRecord,
  applications: readonly ApplicationRecord[],
  publicity: PublicityList | null,
) {
  const granted = applications.reduce((sum, application) => sum + application.grantedFen, 0);
  return {
    id: call.id,
    year: call.year,
    title: call.title,
    budgetYuan: fenToYuanString(call.budgetFen),
    grantedYuan: fenToYuanString(granted),
    fundedCount: applications.filter((application) => application.grantedFen > 0).length,
    applicationCount: applications.length,
    publicityStartOn: publicity?.startDate ?? null,
    publicityEndOn: publicity?.endDate ?? null,
    projects: applications.map((application) => ({
      rank: application.rank,
      organisation: application.applicantName,
      applicantType: application.applicantType,
      townCode: application.townCode,
      title: application.title,
      category: application.category,
      categoryLabel: call.categories.find((each) => each.code === application.category)?.label ?? null,
      score: application.score,
      outcome: application.outcome,
      requestedYuan: fenToYuanString(application.requestedFen),
      grantedYuan: fenToYuanString(application.grantedFen),
    })),
  };
}
