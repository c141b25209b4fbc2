/** Vendor routes: registration and documents (vendor), checks and qualification (reviewer), the public qualified list. */
import { clock } from "../../../core/clock";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import {
  attachVendorDocument,
  checkVendorRequirement,
  grantQualification,
  registerVendor,
  setVendorBankAccount,
} from "../commands/vendors";
import { presentPublicVendor, presentVendor } from "../presenters";
import { findVendor, findVendorOfAccount, listExpiringVendors, listQualifiedVendors, listVendors } from "../repository";
import { OwnVendorResponse, PublicVendorsResponse, VendorResponse, VendorsResponse } from "../responses";
import {
  IdParams,
  QualificationBody,
  VendorBankAccountBody,
  VendorCheckBody,
  VendorDocumentBody,
  VendorRegisterBody,
} from "../schemas";

const tags = ["services"];
const vendorTarget = {
  resource: "servicesVendor",
  load: (executor: Parameters<typeof findVendor>[0], { params }: { params: { id: string } }) =>
    findVendor(executor, params.id),
};

export const vendorRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/services/vendors/qualified",
    summary: { zh: "合格服务机构名录（公开）", en: "The qualified vendors (public)" },
    tags,
    permission: "public",
    response: { 200: PublicVendorsResponse },
    handler: async ({ db }) => ({ items: (await listQualifiedVendors(db, clock.today())).map(presentPublicVendor) }),
  }),
  defineRoute({
    method: "GET",
    url: "/services/vendors",
    summary: { zh: "服务机构及资质审核", en: "Vendors with their requirements and checks" },
    tags,
    permission: "services.vendors.review",
    response: { 200: VendorsResponse },
    handler: async ({ db }) => ({
      items: (await listVendors(db)).map((vendor) => presentVendor(vendor, clock.today())),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/services/vendors/expiring",
    summary: { zh: "30天内到期的资质", en: "Qualifications ending within 30 days" },
    tags,
    permission: "services.vendors.review",
    response: { 200: VendorsResponse },
    handler: async ({ db }) => ({
      items: (await listExpiringVendors(db, clock.today())).map((vendor) => presentVendor(vendor, clock.today())),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/services/vendors/mine",
    summary: { zh: "本机构登记信息", en: "The caller's own vendor record" },
    tags,
    permission: "services.vendors.register",
    response: { 200: OwnVendorResponse },
    handler: async ({ db, actor }) => {
      const vendor = await findVendorOfAccount(db, actor.id);
      return { vendor: vendor ? presentVendor(vendor, clock.today()) : null };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/services/vendors",
    summary: { zh: "登记服务机构", en: "Register the caller's organisation as a vendor" },
    tags,
    permission: "services.vendors.register",
    body: VendorRegisterBody,
    response: { 201: VendorResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => registerVendor(trx, commandContext(request, actor), body)),
    present: (vendor) => presentVendor(vendor, clock.today()),
  }),
  defineRoute({
    method: "PUT",
    url: "/services/vendors/:id/documents",
    summary: { zh: "提交一项资质材料", en: "Attach the document of one requirement" },
    tags,
    permission: "services.vendors.register",
    params: IdParams,
    body: VendorDocumentBody,
    target: { ...vendorTarget, inScope: (actor, vendor) => vendor.accountId === actor.id },
    response: { 200: VendorResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        attachVendorDocument(trx, commandContext(request, actor), (await findVendor(trx, params.id))!, body),
      ),
    present: (vendor) => presentVendor(vendor, clock.today()),
  }),
  defineRoute({
    method: "PUT",
    url: "/services/vendors/:id/bank-account",
    summary: {
      zh: "服务机构登记或变更收款账号（拨付文件使用）",
      en: "The vendor sets or changes its bank account (used by the payment file)",
    },
    tags,
    permission: "services.vendors.register",
    params: IdParams,
    body: VendorBankAccountBody,
    target: { ...vendorTarget, inScope: (actor, vendor) => vendor.accountId === actor.id },
    response: { 200: VendorResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        setVendorBankAccount(trx, commandContext(request, actor), (await findVendor(trx, params.id))!, body),
      ),
    present: (vendor) => presentVendor(vendor, clock.today()),
  }),
  defineRoute({
    method: "POST",
    url: "/services/vendors/:id/checks",
    summary: { zh: "审核一项资质要求", en: "Check one requirement" },
    tags,
    permission: "services.vendors.review",
    params: IdParams,
    body: VendorCheckBody,
    target: vendorTarget,
    response: { 200: VendorResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        checkVendorRequirement(trx, commandContext(request, actor), (await findVendor(trx, params.id))!, body),
      ),
    present: (vendor) => presentVendor(vendor, clock.today()),
  }),
  defineRoute({
    method: "POST",
    url: "/services/vendors/:id/qualification",
    summary: { zh: "授予资质及有效期", en: "Grant qualification with an expiry" },
    tags,
    permission: "services.vendors.review",
    params: IdParams,
    body: QualificationBody,
    target: vendorTarget,
    response: { 200: VendorResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        grantQualification(trx, commandContext(request, actor), (await findVendor(trx, params.id))!, body),
      ),
    present: (vendor) => presentVendor(vendor, clock.today()),
  }),
];
