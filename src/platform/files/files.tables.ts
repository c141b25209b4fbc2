import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

/** Evidence files: metadata rows; the bytes live on disk under the files folder. */
export interface StoredFilesTable {
  id: Generated<string>;
  owner_account_id: string;
  town_code: string | null;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The database as the files service sees it: the shared tables plus its own. */
export interface FilesDatabase extends Database {
  stored_files: StoredFilesTable;
}

/** Views a shared executor (database or transaction) with the files tables typed. */
export function filesDb(executor: Executor): Kysely<FilesDatabase> {
  return executor as unknown as Kysely<FilesDatabase>;
}
