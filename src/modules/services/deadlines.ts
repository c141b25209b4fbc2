/**
 * The services module's open deadlines for the platform's list (src/platform/deadlines): qualification expiries
 * (warned 30 days ahead on the vendor's page and the reviewers' expiring list) and the bid deadlines of open needs.
 * Both are calendar dates fixed when set, so the working-day calendar never moves them.
 */
import { clock } from "../../core/clock";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline } from "../../platform/deadlines/deadlines";
import { listExpiringVendors, listNeeds } from "./repository";

export async function servicesDeadlines(db: Executor): Promise<OpenDeadline[]> {
  const today = clock.today();
  const expiring = (await listExpiringVendors(db, today)).map((vendor): OpenDeadline => ({
    module: "services",
    kind: "services.qualification_expiry",
    label: "服务机构资质到期 (vendor qualification expiry)",
    entityType: "services_vendor",
    entityId: vendor.id,
    reference: vendor.name,
    townCode: vendor.townCode,
    dueOn: vendor.qualifiedUntil!,
    recompute: () => vendor.qualifiedUntil!,
  }));
  const closing = (await listNeeds(db))
    .filter((need) => need.status === "open" && need.bidsCloseOn >= today)
    .map((need): OpenDeadline => ({
      module: "services",
      kind: "services.bids_close",
      label: "投标截止 (bid deadline)",
      entityType: "services_need",
      entityId: need.id,
      reference: need.title,
      townCode: need.townCode,
      dueOn: need.bidsCloseOn,
      recompute: () => need.bidsCloseOn,
    }));
  return [...expiring, ...closing];
}
