/**
 * The problem codes the API answers with, each with its HTTP status: the one place that decides which refusal
 * is a 403, 404, 409, … A command's own input refusals (`invalid_amount`, `unknown_town`, …) are not listed:
 * a code that is not here answers 400, "the input is wrong, see `fields`". A refusal that means anything else
 * (not found, not allowed, conflicts with what is stored) must be listed here, and `problems.test.ts` checks
 * that every status the code base sends by hand agrees with this table.
 */

export const problemStatuses = {
  // 400: the request itself is malformed (command-specific input codes also answer 400, unlisted)
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  invalid_csv: 400,
  // 401 / 403: who is asking
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  account_disabled: 403,
  csrf_required: 403,
  // 404: missing, or outside the caller's scope (the same answer, so nobody can probe for records)
  not_found: 404,
  // 409: conflicts with what is stored — somebody saved first, or the record already exists
  version_conflict: 409,
  idempotency_in_progress: 409,
  duplicate_id_number: 409,
  duplicate_credit_code: 409,
  duplicate_username: 409,
  already_in_household: 409,
  household_has_head: 409,
  own_account: 409,
  last_admin: 409,
  duplicate_cycle: 409,
  already_enrolled: 409,
  duplicate_application: 409,
  child_already_applied: 409,
  already_published: 409,
  no_final_result: 409,
  case_open: 409,
  duplicate_campaign: 409,
  standard_exists: 409,
  vendor_registered: 409,
  bids_sealed: 409,
  bidding_closed: 409,
  already_declared: 409,
  declaration_required: 409,
  need_closed: 409,
  not_awardable: 409,
  recused: 403,
  vendor_not_qualified: 403,
  applications_closed: 409,
  applications_open: 409,
  reviewer_conflict: 409,
  not_assigned: 403,
  call_allocated: 409,
  not_funded: 409,
  payment_exceeds_grant: 409,
  stage_paid: 409,
  not_awarded: 409,
  contract_exists: 409,
  contract_completed: 409,
  report_reviewed: 409,
  vendor_cannot_decide: 403,
  already_decided: 409,
  referral_exists: 409,
  survey_exists: 409,
  survey_closed: 409,
  already_answered: 409,
  evaluation_exists: 409,
  not_flagged: 409,
  not_eligible: 403,
  final_evaluation_required: 409,
  report_not_accepted: 409,
  payment_exceeds_contract: 409,
  vendor_cannot_pay: 403,
  report_exists: 409,
  case_closed: 409,
  tasks_open: 409,
  task_done: 409,
  meeting_recorded: 409,
  // points policy versions (the policy screens): lifecycle refusals, and the four-eyes rule on approval
  invalid_transition: 409,
  golden_tests_failed: 409,
  no_golden_tests: 409,
  overlapping_versions: 409,
  duplicate_version: 409,
  four_eyes_required: 403,
  // other statuses
  body_too_large: 413,
  file_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
} as const satisfies Record<string, number>;

/** A problem code with a status of its own (see `problemStatuses`). */
export type ProblemCode = keyof typeof problemStatuses;

/** Tells whether a code is one of the listed problem codes. */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(problemStatuses, code);
}

/** The HTTP status of a problem code: the listed status, else 400 (a refusal of the input). */
export function statusForProblem(code: string): number {
  return isProblemCode(code) ? problemStatuses[code] : 400;
}
