import { maskIdNumber, maskName, maskPhone } from "../../core/masking";
import type { Actor } from "../../platform/roles";
import { seesFullRecord } from "./policies";
import type { HouseholdRecord, HouseholdSummaryRow, OrganisationRecord, PersonRecord } from "./repository";

function maybeMask(value: string | null, full: boolean, mask: (text: string) => string): string | null {
  if (value === null) return null;
  return full ? value : mask(value);
}

/** A person for the API: full ID number and phone only for those the access rules allow, masked otherwise. */
export function presentPerson(actor: Actor | null, person: PersonRecord) {
  const full = seesFullRecord(actor, person);
  return {
    id: person.id,
    name: person.name,
    idNumber: maybeMask(person.idNumber, full, maskIdNumber)!,
    gender: person.gender,
    birthDate: person.birthDate,
    phone: maybeMask(person.phone, full, maskPhone),
    townCode: person.townCode,
    communityId: person.communityId,
    address: person.address,
    hukouType: person.hukouType,
    householdId: person.householdId,
    version: person.version,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

/** A person as the resident sees their own record: everything, unmasked. */
export function presentOwnPerson(person: PersonRecord) {
  return { ...presentPerson(null, person), idNumber: person.idNumber, phone: person.phone };
}

/** A search hit: always masked ID number and phone, no address. */
export function presentPersonSummary(person: PersonRecord) {
  return {
    id: person.id,
    name: person.name,
    idNumber: maskIdNumber(person.idNumber),
    gender: person.gender,
    birthDate: person.birthDate,
    phone: person.phone === null ? null : maskPhone(person.phone),
    townCode: person.townCode,
    communityId: person.communityId,
    hukouType: person.hukouType,
    householdId: person.householdId,
    version: person.version,
  };
}

/** A household with its members; member names are masked for callers who do not see full records. */
export function presentHousehold(actor: Actor | null, household: HouseholdRecord, fullOverride?: boolean) {
  const full = fullOverride ?? seesFullRecord(actor, household);
  return {
    id: household.id,
    townCode: household.townCode,
    communityId: household.communityId,
    address: household.address,
    headPersonId: household.headPersonId,
    members: household.members.map((member) => ({
      personId: member.personId,
      name: full ? member.name : maskName(member.name),
      idNumber: maskIdNumber(member.idNumber),
      relationship: member.relationship,
      since: member.since,
    })),
    version: household.version,
    createdAt: household.createdAt.toISOString(),
    updatedAt: household.updatedAt.toISOString(),
  };
}

/** A household search hit: head's ID number masked. */
export function presentHouseholdSummary(row: HouseholdSummaryRow) {
  return {
    id: row.id,
    townCode: row.townCode,
    communityId: row.communityId,
    address: row.address,
    headName: row.headName,
    headIdNumber: row.headIdNumber === null ? null : maskIdNumber(row.headIdNumber),
    memberCount: row.memberCount,
  };
}

/** An organisation (public business data: nothing masked). */
export function presentOrganisation(organisation: OrganisationRecord) {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    creditCode: organisation.creditCode,
    townCode: organisation.townCode,
    address: organisation.address,
    contactPhone: organisation.contactPhone,
    version: organisation.version,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
  };
}

/** One audit entry of a record's history; before/after only for callers who see the full record. */
export function presentHistoryEntry(
  entry: { position: number; at: Date; action: string; actor_username: string | null; before: unknown; after: unknown },
  full: boolean,
) {
  const before = (entry.before ?? null) as Record<string, unknown> | null;
  const after = (entry.after ?? null) as Record<string, unknown> | null;
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changedFields = [...fields].filter(
    (field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]),
  );
  return {
    position: entry.position,
    at: entry.at.toISOString(),
    action: entry.action,
    actorUsername: entry.actor_username,
    changedFields,
    ...(full ? { before, after } : {}),
  };
}
