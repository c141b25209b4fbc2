/**
 * How every table of the schema is placed when the database is spread over several nodes (Citus, docs/operations.md
 * "Partitioning and Citus distribution"): the large tables are distributed by the region key `town_code` (镇区; a
 * province puts the city's region code in front), co-located so that a row and its children are on one node; small
 * tables read with them are replicated to every node (reference); the rest stays on the coordinator (local).
 *
 * src/db/distribution.database.test.ts reads the migrated schema and fails when a table is missing here, when a
 * distributed table has no `town_code` column, or when the column's NOT NULL differs from what is written here.
 */

/** The region key: the 镇区 code. */
export const regionKey = "town_code";

export type Distribution =
  | {
      kind: "distributed";
      key: typeof regionKey;
      /**
       * Why some rows carry no 镇区 (city-wide rows). Absent: the column is NOT NULL. Under Citus a null key is
       * refused, so these rows take the city's code as their key when the table is distributed.
       */
      nullable?: string;
      /** The row takes its 镇区 from this parent row (`column` holds the parent's id): co-located with it. */
      parent?: { table: string; column: string };
    }
  | { kind: "reference"; reason: string }
  | { kind: "local"; reason: string };

const distributed = (
  options: { nullable?: string; parent?: { table: string; column: string } } = {},
): Distribution => ({ kind: "distributed", key: regionKey, ...options });
const reference = (reason: string): Distribution => ({ kind: "reference", reason });
const local = (reason: string): Distribution => ({ kind: "local", reason });

const smallWithCase = "small: a few rows per case, read only with the case";

/** Every table of the public schema, by name. */
export const tableDistribution: Readonly<Record<string, Distribution>> = {
  // Platform
  towns: reference("the 24 镇区: the region key's own table"),
  departments: reference("a few dozen departments, joined by many distributed tables"),
  accounts: local("staff and resident accounts, looked up by id or username before any 镇区 is known"),
  account_roles: local("a few roles per account, read with the account at sign-in; a city-wide role has no 镇区"),
  sessions: local(
    "operational and short-lived (idle and absolute expiry): looked up by token hash on every request before " +
      "the account's 镇区 is known; bounded by the accounts signed in",
  ),
  login_throttles: local("operational: failed sign-ins per username and address, cleared after the window"),
  idempotency_keys: local("operational: per account and request key, short-lived"),
  audit_entries: distributed({
    nullable: "city-wide actions (accounts, policies, city lists, the demo load) belong to no 镇区",
  }),
  audit_head: local("one row: the head of the hash chain, written under a lock"),
  audit_pending: local("operational: entries waiting milliseconds for their place in the chain, then moved"),
  schema_migrations: local("the migrations applied"),
  jobs: local(
    "operational queue keyed by queue state, claimed with `for update skip locked` by any worker; a job may span " +
      "every 镇区 (a city payroll), so it has no single key; finished jobs are small rows",
  ),
  job_schedules: local("one row per recurring job kind"),
  notifications: local("per account (the in-app inbox), read by account id"),
  policy_version_people: local("a row per points policy version"),
  stored_files: distributed({ nullable: "a file uploaded outside any 镇区's scope (a vendor's or department's)" }),

  // Registry
  communities: distributed(),
  persons: distributed(),
  households: distributed(),
  household_members: distributed({ parent: { table: "households", column: "household_id" } }),
  organisations: distributed(),

  // Publicity
  publicity_lists: distributed({ nullable: "a city-wide list (points rankings, fund awards) has no 镇区" }),
  publicity_entries: distributed({ nullable: "an entry of a city-wide list whose subject has no 镇区" }),
  publicity_objections: distributed({ nullable: "an objection to an entry without a 镇区" }),

  // Points
  points_enrolments: distributed(),
  points_facts: distributed({ parent: { table: "points_enrolments", column: "enrolment_id" } }),
  points_cycles: reference("one cycle a year, joined by every application"),
  points_quotas: distributed(),
  points_schools: distributed(),
  points_applications: distributed(),
  points_score_history: distributed({ parent: { table: "points_applications", column: "application_id" } }),
  points_messages: distributed({ parent: { table: "points_enrolments", column: "enrolment_id" } }),
  points_deductions: local("rare events reported by police or the health bureau (a few per thousand enrolments)"),
  points_runs: local("a few ranking runs a year, each a city-wide snapshot"),
  points_run_inputs: distributed(),
  points_run_results: distributed(),

  // Assistance
  assistance_cases: distributed(),
  assistance_case_members: distributed({ parent: { table: "assistance_cases", column: "case_id" } }),
  assistance_case_revisions: distributed({ parent: { table: "assistance_cases", column: "case_id" } }),
  assistance_case_events: distributed({ parent: { table: "assistance_cases", column: "case_id" } }),
  assistance_cpi: reference("the monthly price index"),
  assistance_standards: reference("the yearly assistance standards"),
  assistance_payrolls: local("one row a month: the city payroll's header"),
  assistance_payroll_lines: distributed(),
  assistance_payroll_totals: distributed(),
  assistance_referrals: distributed(),

  // Participation
  participation_campaigns: reference("the handful of 全民 campaigns, tagging activities, hours, tips and ideas"),
  volunteer_organisers: local("a few organiser accounts per organisation"),
  volunteer_profiles: local("one small row per volunteer who declares, read with the person by id"),
  volunteer_activities: distributed(),
  volunteer_signups: distributed({ parent: { table: "volunteer_activities", column: "activity_id" } }),
  volunteer_imports: local("one row per uploaded provincial file"),
  volunteer_ledger: distributed({ parent: { table: "persons", column: "person_id" } }),

  // Suggestions and consultations
  suggestion_settings: reference("one row: the support threshold and answer time"),
  suggestions: distributed(),
  suggestion_supports: distributed({ parent: { table: "suggestions", column: "suggestion_id" } }),
  suggestion_progress: local("a few progress notes per adopted idea"),
  consultations: reference(
    "a few hundred drafts a year, read with every comment; a city-wide public consultation has no 镇区, so the " +
      "comments carry the key instead",
  ),
  consultation_articles: reference("the articles of a draft, read with its comments"),
  // A community deliberation's 镇区, or the commenter's for a city-wide consultation (checked by the test).
  consultation_comments: distributed(),
  consultation_comment_supports: distributed({ parent: { table: "consultation_comments", column: "comment_id" } }),
  consultation_report_items: reference("the closing report's answers, a few dozen per consultation"),

  // Tip-offs
  tipoff_categories: reference("a few dozen categories with their departments"),
  tipoff_routing: distributed(),
  tipoffs: distributed(),
  tipoff_reporters: distributed({ parent: { table: "tipoffs", column: "tipoff_id" } }),
  tipoff_events: distributed({ parent: { table: "tipoffs", column: "tipoff_id" } }),
  tipoff_photos: distributed({ parent: { table: "tipoffs", column: "tipoff_id" } }),
  tipoff_receipt_failures: local("operational: wrong receipt guesses per client address, for the rate limit"),
  open311_keys: local("a few API keys of Open311 clients"),
  tipoff_points_reported: local("one small row per person with verified tips, sent daily to the points scheme"),

  // Purchased services and the innovation fund: hundreds of contracts and applications a year
  services_vendors: local("a few hundred vendors, many from outside the city (no 镇区)"),
  services_vendor_requirements: local("a few documents per vendor"),
  services_needs: distributed(),
  services_bids: local("a few bids per need"),
  services_panel_members: local("a few reviewers per need"),
  services_reviews: local("a few reviews per bid"),
  services_contracts: local("one per awarded need"),
  services_milestones: local(smallWithCase),
  services_progress_reports: local(smallWithCase),
  services_recommendations: distributed(),
  services_evaluations: local(smallWithCase),
  services_surveys: local(smallWithCase),
  services_survey_answers: local("the survey answers of a contract's people served, read only with the contract"),
  services_stations: distributed(),
  services_payments: local(smallWithCase),
  fund_calls: reference("one call a year"),
  fund_applications: local("a few hundred applications a year; a department's or organisation's has no 镇区"),
  fund_conflicts: local(smallWithCase),
  fund_reviews: local(smallWithCase),
  fund_payments: local(smallWithCase),
  fund_reports: local(smallWithCase),

  // Joint cases and the approval catalogue
  coordination_cases: local("a few hundred joint cases a year; a city-wide case has no 镇区"),
  coordination_meetings: local("a meeting a month"),
  coordination_tasks: local(smallWithCase),
  coordination_task_events: local(smallWithCase),
  coordination_agenda_items: local("a few dozen items per meeting"),
  approval_items: reference("the catalogue of approval items (about a thousand)"),
  approval_item_changes: reference("the catalogue's history of changes"),
  approval_imports: local("one row per uploaded catalogue file"),
};

/** The distributed tables, with their rules. */
export function distributedTables(): [string, Extract<Distribution, { kind: "distributed" }>][] {
  return Object.entries(tableDistribution).flatMap(([table, distribution]) =>
    distribution.kind === "distributed" ? [[table, distribution] as [string, typeof distribution]] : [],
  );
}
