/** Admin-defined tip-off categories: each with its handling department, deadline and whether it is public (Open311). */
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { townExists } from "../../registry/repository";
import { findCategory, type CategoryRecord } from "../repository";
import { tipoffsDb } from "../tables";

/** A category's editable fields. */
export interface CategoryInput {
  name?: string;
  description?: string;
  departmentCode?: string;
  public?: boolean;
  investigationDays?: number;
  active?: boolean;
}

async function checkDepartment(trx: Trx, code: string): Promise<boolean> {
  return !!(await trx.selectFrom("departments").select("code").where("code", "=", code).executeTakeFirst());
}

function unknownDepartment(code: string, field = "departmentCode") {
  return err({ code: "unknown_department", field, message: `未知部门 "${code}" (unknown department)` });
}

/** Creates a category. */
export async function createCategory(
  trx: Trx,
  context: CommandContext<Actor | null>,
  input: CategoryInput & { code: string; name: string; departmentCode: string },
): Promise<Result<CategoryRecord>> {
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(input.code))
    return err({
      code: "invalid_code",
      field: "code",
      message: "code: 类别代码须为小写字母、数字和下划线 (lower-case letters, digits, underscore)",
    });
  if (!(await checkDepartment(trx, input.departmentCode))) return unknownDepartment(input.departmentCode);
  const exists = await findCategory(trx, input.code);
  if (exists)
    return err({ code: "duplicate_category", field: "code", message: `类别 "${input.code}" 已存在 (exists)` });
  try {
    await tipoffsDb(trx)
      .insertInto("tipoff_categories")
      .values({
        code: input.code,
        name: input.name.trim(),
        description: input.description?.trim() ?? "",
        department_code: input.departmentCode,
        public: input.public ?? false,
        investigation_days: input.investigationDays ?? 15,
        active: input.active ?? true,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, "tipoff_categories_pkey"))
      return err({ code: "duplicate_category", field: "code", message: `类别 "${input.code}" 已存在 (exists)` });
    throw error;
  }
  const created = (await findCategory(trx, input.code))!;
  await audit(trx, context, {
    action: "tipoff.category.create",
    entityType: "tipoff_category",
    entityId: input.code,
    townCode: null,
    after: created,
  });
  return ok(created);
}

/** Changes a category's fields. */
export async function updateCategory(
  trx: Trx,
  context: CommandContext<Actor | null>,
  current: CategoryRecord,
  input: CategoryInput,
): Promise<Result<CategoryRecord>> {
  if (input.departmentCode && !(await checkDepartment(trx, input.departmentCode)))
    return unknownDepartment(input.departmentCode);
  const set = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.departmentCode !== undefined ? { department_code: input.departmentCode } : {}),
    ...(input.public !== undefined ? { public: input.public } : {}),
    ...(input.investigationDays !== undefined ? { investigation_days: input.investigationDays } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  if (Object.keys(set).length > 0)
    await tipoffsDb(trx).updateTable("tipoff_categories").set(set).where("code", "=", current.code).execute();
  const updated = (await findCategory(trx, current.code))!;
  await audit(trx, context, {
    action: "tipoff.category.update",
    entityType: "tipoff_category",
    entityId: current.code,
    townCode: null,
    before: current,
    after: updated,
  });
  return ok(updated);
}

/** Routes a category's tips of one 镇区 to another department (or back to the category's, with null). */
export async function setRouting(
  trx: Trx,
  context: CommandContext<Actor | null>,
  current: CategoryRecord,
  townCode: string,
  departmentCode: string | null,
): Promise<Result<CategoryRecord>> {
  if (!(await townExists(trx, townCode)))
    return err({ code: "unknown_town", field: "townCode", message: `未知镇区 "${townCode}" (unknown town)` });
  const db = tipoffsDb(trx);
  await db
    .deleteFrom("tipoff_routing")
    .where("category_code", "=", current.code)
    .where("town_code", "=", townCode)
    .execute();
  if (departmentCode !== null) {
    if (!(await checkDepartment(trx, departmentCode))) return unknownDepartment(departmentCode);
    await db
      .insertInto("tipoff_routing")
      .values({ category_code: current.code, town_code: townCode, department_code: departmentCode })
      .execute();
  }
  const updated = (await findCategory(trx, current.code))!;
  await audit(trx, context, {
    action: "tipoff.category.routing",
    entityType: "tipoff_category",
    entityId: current.code,
    townCode,
    before: current.routing.find((route) => route.townCode === townCode) ?? null,
    after: departmentCode === null ? null : { townCode, departmentCode },
  });
  return ok(updated);
}
