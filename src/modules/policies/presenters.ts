/** Versions as the API shows them: points in decimal points, the people behind a version by username and name. */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { Plan } from "../../rules/scorecard.plan";
import { goldenCount } from "./golden";

/** Who drafted, approved and activated versions on the screens, by version id. */
export type VersionPeople = Map<string, Record<PeopleField, string | null>>;

type PeopleField = "author" | "authorName" | "approvedBy" | "approvedByName" | "activatedBy" | "activatedByName";

/** Reads the people behind the versions: usernames (what the API has always said) and display names (for screens). */
export async function versionPeople(executor: Executor): Promise<VersionPeople> {
  const rows = await sql<{ version_id: string } & Record<PeopleField, string | null>>`
     select p.version_id, p.author_username as "author", coalesce(au.display_name, p.author_username) as "authorName",
       ap.username as "approvedBy", ap.display_name as "approvedByName",
       ac.username as "activatedBy", ac.display_name as "activatedByName"
     from policy_version_people p
     left join accounts au on au.username = p.author_username
     left join accounts ap on ap.id = p.approved_by
     left join accounts ac on ac.id = p.activated_by`.execute(executor);
  return new Map(rows.rows.map(({ version_id: id, ...people }) => [id, people]));
}

const decimal = (hundredths: number | undefined) => (hundredths === undefined ? null : hundredths / 100);

/** A version in a list. */
export function presentSummary(plan: Plan, people: VersionPeople) {
  const { version } = plan;
  const who = people.get(version.id);
  return {
    id: version.id,
    family: version.family,
    title: version.title,
    status: version.status,
    effectiveFrom: version.effective.from,
    effectiveTo: version.effective.to ?? null,
    reference: version.reference,
    goldenTests: goldenCount(plan),
    author: who?.author ?? null,
    authorName: who?.authorName ?? null,
    approvedBy: who?.approvedBy ?? null,
    approvedByName: who?.approvedByName ?? null,
    activatedBy: who?.activatedBy ?? null,
    activatedByName: who?.activatedByName ?? null,
  };
}

/** A version with its scorecard rows. */
export function presentDetail(plan: Plan, people: VersionPeople) {
  const { version } = plan;
  return {
    ...presentSummary(plan, people),
    purposes: version.purposes.map((purpose) => ({
      name: purpose.name,
      zh: purpose.zh,
      en: purpose.en,
      threshold: purpose.threshold / 100,
      reference: purpose.reference,
    })),
    subscores: version.subscores,
    multiplier: version.multiplier
      ? {
          factor: version.multiplier.factor / 100,
          zh: version.multiplier.zh,
          en: version.multiplier.en,
          reference: version.multiplier.reference,
        }
      : null,
    indicators: version.indicators.map((indicator) => ({
      id: indicator.id,
      zh: indicator.zh,
      en: indicator.en,
      reference: indicator.reference,
      section: indicator.section,
      kind: indicator.kind,
      subscore: indicator.subscore ?? null,
      purposes: indicator.purposes,
      points: typeof indicator.points === "number" ? indicator.points / 100 : null,
      valuePoints:
        typeof indicator.points === "object"
          ? Object.entries(indicator.points).map(([value, points]) => ({ value, points: points / 100 }))
          : null,
      tiers: indicator.tiers?.map((tier) => ({ from: tier.from / 100, points: tier.points / 100 })) ?? null,
      unit: decimal(indicator.unit),
      cap: decimal(indicator.cap),
      expression: indicator.expression ?? indicator.condition ?? null,
    })),
  };
}
