/** Rows → API shapes of the participation module. */
import { formatHours } from "./hours";
import type { LedgerEntryRecord } from "./ledger.repository";
import type { CampaignRecord } from "./repository";
import type { ActivityRecord, SignupRecord } from "./volunteering.repository";

/** A campaign: public data, the same for everyone. */
export function presentCampaign(campaign: CampaignRecord) {
  return {
    id: campaign.id,
    code: campaign.code,
    name: campaign.name,
    goal: campaign.goal,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    departmentCode: campaign.departmentCode,
    departmentName: campaign.departmentName,
    createdAt: new Date(campaign.createdAt).toISOString(),
  };
}

/** An activity: public data. */
export function presentActivity(activity: ActivityRecord) {
  return {
    id: activity.id,
    organisationId: activity.organisationId,
    organisationName: activity.organisationName,
    campaignCode: activity.campaignCode,
    campaignName: activity.campaignName,
    title: activity.title,
    description: activity.description,
    category: activity.category,
    place: activity.place,
    townCode: activity.townCode,
    startsAt: iso(activity.startsAt)!,
    endsAt: iso(activity.endsAt)!,
    capacity: activity.capacity,
    status: activity.status,
    confirmedCount: activity.confirmedCount,
    waitingCount: activity.waitingCount,
  };
}

/** A sign-up for its volunteer; the check-in token only while the sign-up is live. */
export function presentSignup(signup: SignupRecord) {
  return {
    id: signup.id,
    activityId: signup.activityId,
    activityTitle: signup.activityTitle,
    startsAt: iso(signup.startsAt)!,
    endsAt: iso(signup.endsAt)!,
    status: signup.status,
    waitingPosition: signup.waitingPosition === null ? null : Number(signup.waitingPosition),
    token: signup.status === "cancelled" ? null : signup.token,
    checkedInAt: iso(signup.checkedInAt),
    checkedOutAt: iso(signup.checkedOutAt),
  };
}

/** The check-in state of a sign-up, for its organisers. */
export function presentCheck(signup: SignupRecord) {
  return {
    signupId: signup.id,
    name: signup.personName,
    checkedInAt: iso(signup.checkedInAt),
    checkedOutAt: iso(signup.checkedOutAt),
  };
}

/** A ledger entry. */
export function presentLedgerEntry(entry: LedgerEntryRecord) {
  return {
    id: entry.id,
    personId: entry.personId,
    source: entry.activityId ? "activity" : "import",
    activityId: entry.activityId,
    activityTitle: entry.activityTitle,
    organisationName: entry.organisationName,
    importId: entry.importId,
    campaignCode: entry.campaignCode,
    category: entry.category,
    place: entry.place,
    servedOn: entry.servedOn,
    hours: formatHours(entry.hundredths),
    confirmedBy: entry.confirmedByUsername,
    reason: entry.reason,
    reversesEntryId: entry.reversesEntryId,
    createdAt: iso(entry.createdAt)!,
  };
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Sums hundredths by a key, as rows of { key, hours }, in the order keys were first seen. */
function totalsBy<K extends string | number>(rows: { hundredths: number }[], key: (row: never) => K) {
  const totals = new Map<K, number>();
  for (const row of rows) totals.set(key(row as never), (totals.get(key(row as never)) ?? 0) + row.hundredths);
  return [...totals].filter(([, hundredths]) => hundredths !== 0);
}

/** A resident's hours by year, category and place from the grouped ledger rows. */
export function presentHours(rows: { year: number; category: string; place: string; hundredths: number }[]) {
  const total = rows.reduce((sum, row) => sum + row.hundredths, 0);
  return {
    totalHours: formatHours(total),
    byYear: totalsBy(rows, (row: { year: number }) => row.year).map(([year, h]) => ({ year, hours: formatHours(h) })),
    byCategory: totalsBy(rows, (row: { category: string }) => row.category).map(([category, h]) => ({
      category,
      hours: formatHours(h),
    })),
    byPlace: totalsBy(rows, (row: { place: string }) => row.place).map(([place, h]) => ({
      place,
      hours: formatHours(h),
    })),
    rows: rows.map((row) => ({
      year: row.year,
      category: row.category,
      place: row.place,
      hours: formatHours(row.hundredths),
    })),
  };
}
