/** The approvals catalogue's tables as Kysely sees them (migration 0310_approvals.sql); only this module uses them. */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** What happened to an item: kept in the catalogue, cancelled, or delegated to the 镇区. */
export const approvalStatuses = ["kept", "cancelled", "delegated"] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** A refused row of an import: the row number in the sheet, the column and why. */
export interface ImportRowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ApprovalsDatabase extends Database {
  approval_items: {
    id: Generated<string>;
    code: string;
    name: string;
    department_code: string;
    legal_basis: string;
    statutory_days: number | null;
    promised_days: number | null;
    status: ApprovalStatus;
    status_on: string;
    status_document: string;
    synthetic: Generated<boolean>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  approval_item_changes: {
    id: Generated<string>;
    item_id: string;
    status: ApprovalStatus;
    changed_on: string;
    document: string;
    round: Generated<string>;
    note: Generated<string>;
    recorded_by: string;
    import_id: string | null;
    created_at: Generated<Timestamp>;
  };
  approval_imports: {
    id: Generated<string>;
    file_name: string;
    imported_by: string;
    rows_total: number;
    rows_created: number;
    rows_updated: number;
    rows_refused: number;
    report: Json<ImportRowProblem[]>;
    created_at: Generated<Timestamp>;
  };
}

/** The database handle typed with this module's tables. */
export function approvalsDb(executor: Executor): Kysely<ApprovalsDatabase> {
  return executor as unknown as Kysely<ApprovalsDatabase>;
}
