/**
 * The rules benchmark's synthetic population, generated exactly as specified by the benchmark README
 * (seeded integer hash, portable): 14 input columns for persons 0..n-1. Float inputs are float64 values
 * with at most two decimals (as a columnar file would hold them); integers, enums and booleans are Int32.
 */
export const SEED = 20180101;

export const FLOAT_INPUTS = [
  "social_insurance_years",
  "residence_permit_years",
  "volunteer_hours",
  "household_income_per_capita",
] as const;

export const INT_INPUTS = [
  "education_level",
  "skill_level",
  "owns_housing",
  "blood_donations",
  "criminal_record",
  "household_size",
  "is_elderly",
  "is_disabled",
  "is_minor",
  "is_seriously_ill",
] as const;

export type FloatInput = (typeof FLOAT_INPUTS)[number];
export type IntInput = (typeof INT_INPUTS)[number];

/** Raw source columns, as read from a columnar file: what the engine loads into its own storage. */
export interface SourceColumns {
  n: number;
  floats: Record<FloatInput, Float64Array>;
  ints: Record<IntInput, Int32Array>;
}

/** The README's lowbias32 integer hash. */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const hash = (i: number, f: number): number => lowbias32((SEED + i + Math.imul(f, 0x9e3779b9)) >>> 0);

const cut = (p: number, cuts: readonly number[]): number => {
  let count = 0;
  for (const c of cuts) if (c <= p) count++;
  return count;
};

/**
 * Generates the benchmark's input columns for persons 0..n-1 (the first n persons are the same for any n).
 * `shared` places them in SharedArrayBuffers, as a columnar file read into shared memory would be, so that
 * worker threads can read them without a copy.
 */
export function generatePopulation(n: number, shared = false): SourceColumns {
  const buffer = (bytes: number): ArrayBuffer | SharedArrayBuffer =>
    shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const floats = Object.fromEntries(
    FLOAT_INPUTS.map((k) => [k, new Float64Array(buffer(n * 8))]),
  ) as SourceColumns["floats"];
  const ints = Object.fromEntries(INT_INPUTS.map((k) => [k, new Int32Array(buffer(n * 4))])) as SourceColumns["ints"];
  for (let i = 0; i < n; i++) {
    ints.education_level[i] = cut(hash(i, 0) % 100, [5, 15, 40, 60, 75, 93]);
    ints.skill_level[i] = cut(hash(i, 1) % 100, [50, 70, 85, 94, 98]);
    floats.social_insurance_years[i] = (hash(i, 2) % 2401) / 100;
    floats.residence_permit_years[i] = (hash(i, 3) % 1501) / 100;
    ints.owns_housing[i] = hash(i, 4) % 100 < 35 ? 1 : 0;
    const hv = hash(i, 5);
    floats.volunteer_hours[i] = hv % 100 < 60 ? 0 : ((hv >>> 8) % 1201) / 2;
    const hb = hash(i, 6);
    ints.blood_donations[i] = hb % 100 < 80 ? 0 : (hb >>> 8) % 8;
    ints.criminal_record[i] = hash(i, 7) % 1000 < 15 ? 1 : 0;
    const hi = hash(i, 8);
    floats.household_income_per_capita[i] = hi % 100 < 30 ? ((hi >>> 8) % 120001) / 100 : ((hi >>> 8) % 800001) / 100;
    ints.household_size[i] = 1 + cut(hash(i, 9) % 100, [15, 40, 70, 85, 95]);
    const age = hash(i, 10) % 100;
    ints.is_minor[i] = age < 18 ? 1 : 0;
    ints.is_elderly[i] = age >= 85 ? 1 : 0;
    ints.is_disabled[i] = hash(i, 11) % 1000 < 50 ? 1 : 0;
    ints.is_seriously_ill[i] = hash(i, 12) % 1000 < 30 ? 1 : 0;
  }
  return { n, floats, ints };
}

/** The 22 outputs, in the golden CSV's order; booleans are marked. */
export const OUTPUTS = [
  "points_education",
  "points_skill",
  "points_social_insurance",
  "points_residence",
  "points_housing",
  "points_social_contribution",
  "points_stability_bonus",
  "points_skilled_worker_bonus",
  "points_talent_bonus",
  "points_family_bonus",
  "points_income_contribution",
  "points_volunteer",
  "points_blood_donation",
  "points_gross",
  "points_deduction",
  "points_total",
  "points_eligible",
  "dibao_eligible",
  "dibao_gap",
  "dibao_base",
  "dibao_supplement",
  "dibao",
] as const;

export type OutputName = (typeof OUTPUTS)[number];

export const BOOLEAN_OUTPUTS: ReadonlySet<OutputName> = new Set(["points_eligible", "dibao_eligible"]);
