// Plain helpers of the categories screen.

/** A category's editable fields as the server has them. */
export interface CategoryFields {
  name: string;
  description: string;
  departmentCode: string;
  public: boolean;
  investigationDays: number;
  active: boolean;
}

const editable = ["name", "description", "departmentCode", "public", "investigationDays", "active"] as const;

/**
 * The fields the form changed, for the PATCH: an unchanged field is left out so the audit entry shows only what
 * the admin changed; an emptied description is sent as "" (the server keeps no null description).
 */
export function changedCategoryFields(
  current: CategoryFields,
  values: Partial<CategoryFields>,
): Partial<CategoryFields> {
  const changed: Partial<CategoryFields> = {};
  for (const field of editable) {
    let value = values[field];
    if (field === "description" && (value === undefined || value === null)) value = "";
    if (value === undefined || value === current[field]) continue;
    (changed as Record<string, unknown>)[field] = value;
  }
  return changed;
}
