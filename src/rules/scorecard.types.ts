/**
 * The shape of a points scorecard once loaded and validated from `policies/<city>/<service>/<version>/scorecard.yaml`.
 * All point values are integer hundredths.
 */

export type PolicyStatus = "draft" | "approved" | "active" | "superseded";

export const POLICY_STATUSES: readonly PolicyStatus[] = ["draft", "approved", "active", "superseded"];

export type FactType = "enum" | "count" | "boolean" | "date" | "yuan" | "decimal" | "counts";

/** A fact a scoring request may carry, as a version declares it. */
export interface FactDefinition {
  name: string;
  type: FactType;
  /** Enum values; the first is the default. */
  values?: string[];
  /** Field names of a `counts` object (each a count). */
  fields?: string[];
  /** This fact is part of the sum of these facts (e.g. in-Zhongshan hours within all hours). */
  subsetOf?: string[];
  zh?: string;
  en?: string;
}

export type Section = "basic" | "bonus" | "deduction";

export type IndicatorKind =
  "enum" | "per_unit" | "extra" | "boolean" | "tiered" | "age_range" | "condition" | "formula";

/** One row of the scorecard, in the author's terms (before compilation). */
export interface IndicatorDefinition {
  id: string;
  zh: string;
  en: string;
  reference: string;
  kind: IndicatorKind;
  section: Section;
  subscore?: string;
  fact?: string;
  /** enum: points per value; other kinds: a single points value (hundredths). */
  points?: number | Record<string, number>;
  unit?: number;
  cap?: number;
  /** extra: the indicator whose in-city part this one rewards again. */
  base?: string;
  tiers?: { from: number; points: number }[];
  minimum?: number;
  maximum?: number;
  condition?: string;
  expression?: string;
  /** Applies only when this expression holds (e.g. the family-planning review form is on file). */
  when?: string;
  /** Purposes whose totals include this indicator (default: all). */
  purposes: string[];
}

export type GroupKind = "highest" | "shared_cap";

/** Indicators that count together: only the highest, or the sum under one cap. */
export interface GroupDefinition {
  id: string;
  kind: GroupKind;
  members: string[];
  cap?: number;
  zh: string;
  en: string;
  reference: string;
}

export interface PurposeDefinition {
  name: string;
  threshold: number;
  zh: string;
  en: string;
  reference: string;
}

export interface SubscoreDefinition {
  id: string;
  zh: string;
  en: string;
}

export interface MultiplierDefinition {
  /** Factor in hundredths (1.3 = 130). */
  factor: number;
  when: string;
  zh: string;
  en: string;
  reference: string;
}

/** A whole scorecard version. */
export interface ScorecardVersion {
  id: string;
  family: string;
  kind: "points";
  title: { zh: string; en: string };
  status: PolicyStatus;
  effective: { from: string; to?: string };
  reference: string;
  purposes: PurposeDefinition[];
  grades: { values: string[]; purpose: string };
  subscores: SubscoreDefinition[];
  multiplier?: MultiplierDefinition;
  facts: FactDefinition[];
  tables: { name: string; enumFact: string; entries: Record<string, number> }[];
  variables: { name: string; expression: string }[];
  indicators: IndicatorDefinition[];
  groups: GroupDefinition[];
  /** Folder the version was loaded from (for test discovery and messages). */
  folder: string;
  file: string;
}

/** A problem found while loading a policy file: which file, where in it, and what is wrong. */
export interface PolicyProblem {
  code: string;
  file: string;
  path: string;
  message: string;
}
