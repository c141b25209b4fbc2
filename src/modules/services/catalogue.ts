/** Fixed lists of the services module: qualification requirements and service categories. */

/** What a vendor documents and a reviewer checks, one by one, before qualification (GPL Art. 22, 国办发〔2013〕96号). */
export const vendorRequirements = [
  { code: "registration_certificate", label: "登记证书 (registration certificate)" },
  { code: "legal_representative", label: "法定代表人 (legal representative)" },
  { code: "qualified_staff", label: "持证社工等专业人员 (staff with social-work qualifications)" },
  { code: "audited_accounts", label: "经审计的财务报告 (audited accounts)" },
  { code: "tax_social_security", label: "依法纳税和缴纳社保记录 (tax and social-security record)" },
  { code: "no_major_violation", label: "近三年无重大违法记录 (no major violation in 3 years)" },
] as const;

export type VendorRequirement = (typeof vendorRequirements)[number]["code"];
export const requirementCodes: readonly string[] = vendorRequirements.map((each) => each.code);

/** Service categories a qualification covers and a need may require. */
export const serviceCategories = [
  { code: "social_work", label: "社会工作服务" },
  { code: "elderly_care", label: "养老服务" },
  { code: "youth", label: "青少年服务" },
  { code: "community", label: "社区治理服务" },
  { code: "assistance", label: "社会救助服务" },
] as const;
export const categoryCodes: readonly string[] = serviceCategories.map((each) => each.code);

/** A qualification's expiry is warned this many days ahead. */
export const EXPIRY_WARNING_DAYS = 30;
