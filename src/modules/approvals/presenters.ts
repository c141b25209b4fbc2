/** How the approvals catalogue shows an item. */
import type { ItemRow } from "./repository";

export function presentItem(row: ItemRow) {
  return {
    code: row.code,
    name: row.name,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    legalBasis: row.legal_basis,
    statutoryDays: row.statutory_days,
    promisedDays: row.promised_days,
    status: row.status,
    statusOn: row.status_on,
    statusDocument: row.status_document,
    synthetic: row.synthetic,
  };
}
