/** Vendor registration, documents per requirement, the reviewer's checks and the qualification with its expiry. */
import { clock } from "../../../core/clock";
import { isIsoDate } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { categoryCodes, requirementCodes } from "../catalogue";
import { findVendor, type VendorRecord } from "../repository";
import { servicesDb } from "../tables";

const creditCodePattern = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

export interface VendorRegisterInput {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  townCode?: string | null;
  /** 收款账号 (8–30 digits, spaces ignored); the services payment file lists it. */
  bankAccount?: string;
}

/** A bank account without spaces, "" when not given, or null when it is not 8–30 digits. */
function normaliseBankAccount(value: string | undefined): string | null {
  const bankAccount = (value ?? "").replace(/\s+/g, "");
  return bankAccount && !/^\d{8,30}$/.test(bankAccount) ? null : bankAccount;
}

const bankAccountRefusal = () =>
  refuse("invalid_bank_account", "bankAccount", "收款账号须为8–30位数字 (a bank account of 8–30 digits)");

/** The vendor sets or changes the bank account its contract payments are paid into (the payment file lists it). */
export async function setVendorBankAccount(
  trx: Trx,
  context: CommandContext,
  vendor: VendorRecord,
  input: { bankAccount: string },
): Promise<Result<VendorRecord>> {
  const bankAccount = normaliseBankAccount(input.bankAccount);
  if (bankAccount === null) return bankAccountRefusal();
  if (!bankAccount) return refuse("invalid_bank_account", "bankAccount", "收款账号不能为空 (must not be empty)");
  await servicesDb(trx)
    .updateTable("services_vendors")
    .set({ bank_account: bankAccount })
    .where("id", "=", vendor.id)
    .execute();
  await audit(trx, context, {
    action: "services.vendor.bank_account",
    entityType: "services_vendor",
    entityId: vendor.id,
    townCode: vendor.townCode,
    before: { bankAccount: vendor.bankAccount },
    after: { bankAccount },
  });
  return ok((await findVendor(trx, vendor.id))!);
}

/** A vendor account registers its organisation (one per account); qualification comes later, from a reviewer. */
export async function registerVendor(
  trx: Trx,
  context: CommandContext,
  input: VendorRegisterInput,
): Promise<Result<VendorRecord>> {
  const name = input.name.trim();
  if (!name) return refuse("invalid_name", "name", "名称不能为空 (name must not be empty)");
  const creditCode = input.creditCode.trim().toUpperCase();
  if (!creditCodePattern.test(creditCode))
    return refuse(
      "invalid_credit_code",
      "creditCode",
      "统一社会信用代码须为18位 (an 18-character unified social credit code)",
    );
  const legalRepresentative = input.legalRepresentative.trim();
  if (!legalRepresentative)
    return refuse("invalid_name", "legalRepresentative", "法定代表人不能为空 (legal representative must not be empty)");
  const bankAccount = normaliseBankAccount(input.bankAccount);
  if (bankAccount === null) return bankAccountRefusal();
  const db = servicesDb(trx);
  if (input.townCode) {
    const town = await db.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
    if (!town) return refuse("unknown_town", "townCode", "未知的镇区 (unknown town)");
  }
  const existing = await db
    .selectFrom("services_vendors")
    .select("id")
    .where("account_id", "=", context.actor.id)
    .executeTakeFirst();
  if (existing)
    return refuse(
      "vendor_registered",
      "account",
      "本账号已登记机构 (this account has already registered its organisation)",
    );
  let id: string;
  try {
    id = (
      await db
        .insertInto("services_vendors")
        .values({
          account_id: context.actor.id,
          name,
          credit_code: creditCode,
          legal_representative: legalRepresentative,
          town_code: input.townCode ?? null,
          bank_account: bankAccount,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } catch (error) {
    if (isUniqueViolation(error, "services_vendors_credit_code"))
      return refuse("duplicate_credit_code", "creditCode", "该信用代码已登记 (this credit code is already registered)");
    throw error;
  }
  await db
    .insertInto("services_vendor_requirements")
    .values(requirementCodes.map((requirement) => ({ vendor_id: id, requirement })))
    .execute();
  await audit(trx, context, {
    action: "services.vendor.register",
    entityType: "services_vendor",
    entityId: id,
    townCode: input.townCode ?? null,
    after: { name, creditCode, legalRepresentative, bankAccount },
  });
  return ok((await findVendor(trx, id))!);
}

function knownRequirement(requirement: string): Problem | undefined {
  if (requirementCodes.includes(requirement)) return undefined;
  return {
    code: "unknown_requirement",
    field: "requirement",
    message: `requirement: 未知的资质要求 "${requirement}" (unknown requirement; one of ${requirementCodes.join(", ")})`,
  };
}

/** The vendor attaches the document of one requirement (a file it uploaded); a new document undoes the check. */
export async function attachVendorDocument(
  trx: Trx,
  context: CommandContext,
  vendor: VendorRecord,
  input: { requirement: string; fileId: string },
): Promise<Result<VendorRecord>> {
  const unknown = knownRequirement(input.requirement);
  if (unknown) return err(unknown);
  const files = await checkAttachableFiles(trx, context.actor, [input.fileId], "fileId");
  if (!files.ok) return files;
  await servicesDb(trx)
    .updateTable("services_vendor_requirements")
    .set({ file_id: input.fileId, passed: null, check_note: "", checked_by: null, checked_on: null })
    .where("vendor_id", "=", vendor.id)
    .where("requirement", "=", input.requirement)
    .execute();
  await audit(trx, context, {
    action: "services.vendor.document",
    entityType: "services_vendor",
    entityId: vendor.id,
    townCode: vendor.townCode,
    after: { requirement: input.requirement, fileId: input.fileId },
  });
  return ok((await findVendor(trx, vendor.id))!);
}

/** A reviewer records the check of one requirement: passed or not, with a note. */
export async function checkVendorRequirement(
  trx: Trx,
  context: CommandContext,
  vendor: VendorRecord,
  input: { requirement: string; passed: boolean; note?: string },
): Promise<Result<VendorRecord>> {
  const unknown = knownRequirement(input.requirement);
  if (unknown) return err(unknown);
  const row = vendor.requirements.find((each) => each.requirement === input.requirement);
  if (!row?.fileId)
    return refuse(
      "document_missing",
      "requirement",
      "机构尚未提交该项材料，不能审核 (the vendor has not documented this requirement yet)",
    );
  const today = clock.today();
  await servicesDb(trx)
    .updateTable("services_vendor_requirements")
    .set({
      passed: input.passed,
      check_note: input.note?.trim() ?? "",
      checked_by: context.actor.id,
      checked_on: today,
    })
    .where("vendor_id", "=", vendor.id)
    .where("requirement", "=", input.requirement)
    .execute();
  await audit(trx, context, {
    action: "services.vendor.check",
    entityType: "services_vendor",
    entityId: vendor.id,
    townCode: vendor.townCode,
    before: { passed: row.passed },
    after: { requirement: input.requirement, passed: input.passed, note: input.note ?? "" },
  });
  return ok((await findVendor(trx, vendor.id))!);
}

/** A reviewer grants qualification for service categories until a date, once every requirement has passed. */
export async function grantQualification(
  trx: Trx,
  context: CommandContext,
  vendor: VendorRecord,
  input: { categories: string[]; until: string },
): Promise<Result<VendorRecord>> {
  const failing = vendor.requirements.find((each) => each.passed !== true);
  if (failing)
    return refuse(
      "requirements_not_met",
      "requirements",
      `资质要求"${failing.requirement}"尚未审核通过 (requirement ${failing.requirement} has not passed its check)`,
    );
  if (input.categories.length === 0)
    return refuse("invalid_categories", "categories", "至少一个服务类别 (at least one service category)");
  const unknownCategory = input.categories.find((category) => !categoryCodes.includes(category));
  if (unknownCategory)
    return refuse("invalid_categories", "categories", `未知的服务类别 "${unknownCategory}" (unknown category)`);
  const today = clock.today();
  if (!isIsoDate(input.until) || input.until <= today)
    return refuse("invalid_date", "until", `有效期须晚于今天 ${today} (the expiry must be after today)`);
  const categories = [...new Set(input.categories)].sort();
  await servicesDb(trx)
    .updateTable("services_vendors")
    .set({
      qualifications: categories,
      qualified_on: today,
      qualified_until: input.until,
      qualified_by: context.actor.id,
    })
    .where("id", "=", vendor.id)
    .execute();
  await audit(trx, context, {
    action: "services.vendor.qualify",
    entityType: "services_vendor",
    entityId: vendor.id,
    townCode: vendor.townCode,
    before: { qualifications: vendor.qualifications, qualifiedUntil: vendor.qualifiedUntil },
    after: { qualifications: categories, qualifiedOn: today, qualifiedUntil: input.until },
  });
  return ok((await findVendor(trx, vendor.id))!);
}
