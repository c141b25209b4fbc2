/**
 * The benchmark floor: the benchmark policy written by hand as one fused, single-threaded loop over typed
 * arrays, in exact integer hundredths. It is what the engine's compiled policy is measured against; it is
 * not used by the engine.
 */
import type { OutputName, SourceColumns } from "./population";
import { BOOLEAN_OUTPUTS, OUTPUTS } from "./population";

/** Output columns: numbers in hundredths (Int32Array), booleans as 0/1 (Uint8Array). */
export type OutputColumns = Record<OutputName, Int32Array | Uint8Array>;

/** Allocates the 22 output columns for n persons. */
export function allocateOutputs(n: number): OutputColumns {
  return Object.fromEntries(
    OUTPUTS.map((name) => [name, BOOLEAN_OUTPUTS.has(name) ? new Uint8Array(n) : new Int32Array(n)]),
  ) as OutputColumns;
}

const EDUCATION = [0, 500, 1000, 2000, 5000, 6000, 9000];
const SKILL = [0, 1500, 3000, 6000, 10000, 14000];

/** Computes all 22 outputs for the population by hand (2018 parameter values written in). */
export function computeFloor(source: SourceColumns, out: OutputColumns): void {
  const { n, floats, ints } = source;
  const insIn = floats.social_insurance_years,
    resIn = floats.residence_permit_years;
  const volIn = floats.volunteer_hours,
    incIn = floats.household_income_per_capita;
  const edu = ints.education_level,
    skill = ints.skill_level,
    house = ints.owns_housing;
  const blood = ints.blood_donations,
    crime = ints.criminal_record,
    size = ints.household_size;
  const elderly = ints.is_elderly,
    disabled = ints.is_disabled,
    minor = ints.is_minor,
    ill = ints.is_seriously_ill;
  const oEdu = out.points_education,
    oSkill = out.points_skill,
    oIns = out.points_social_insurance;
  const oRes = out.points_residence,
    oHouse = out.points_housing,
    oContrib = out.points_social_contribution;
  const oStab = out.points_stability_bonus,
    oSkilled = out.points_skilled_worker_bonus;
  const oTalent = out.points_talent_bonus,
    oFamily = out.points_family_bonus;
  const oIncome = out.points_income_contribution,
    oVol = out.points_volunteer,
    oBlood = out.points_blood_donation;
  const oGross = out.points_gross,
    oDed = out.points_deduction,
    oTotal = out.points_total;
  const oElig = out.points_eligible,
    oDibElig = out.dibao_eligible,
    oGap = out.dibao_gap;
  const oBase = out.dibao_base,
    oSupp = out.dibao_supplement,
    oDibao = out.dibao;
  for (let i = 0; i < n; i++) {
    const ins = Math.round(insIn[i] * 100),
      res = Math.round(resIn[i] * 100);
    const vol = Math.round(volIn[i] * 100),
      inc = Math.round(incIn[i] * 100);
    const e = EDUCATION[edu[i]],
      s = SKILL[skill[i]];
    const pIns = 2 * (ins < 2000 ? ins : 2000);
    const pRes = res < 1000 ? res : 1000;
    const pHouse = house[i] === 1 ? 1000 : 0;
    const volUnits = Math.floor(vol / 5000);
    const pVol = 200 * (volUnits < 5 ? volUnits : 5);
    const bl = 200 * blood[i];
    const pBlood = bl < 1000 ? bl : 1000;
    const contrib = pVol + pBlood < 1600 ? pVol + pBlood : 1600;
    const stab = ins >= 700 && res >= 700 ? 2000 : 0;
    const skilled = s >= 10000 && ins >= 500 ? 1500 : 0;
    const talent = (edu[i] === 5 || edu[i] === 6) && ins >= 300 ? 1000 : 0;
    const family = size[i] >= 3 ? 500 : 0;
    const incUnits = Math.floor(inc / 100000);
    const pIncome = 200 * (incUnits < 5 ? incUnits : 5);
    const gross = e + s + pIns + pRes + pHouse + contrib + stab + skilled + talent + family + pIncome;
    const ded = crime[i] === 1 ? 15000 : 0;
    const total = gross - ded > 0 ? gross - ded : 0;
    const dibaoEligible = inc < 97600 ? 1 : 0;
    const gap = 97600 - inc > 0 ? 97600 - inc : 0;
    const base = gap * size[i];
    const supp = dibaoEligible === 1 ? 976 * (10 * elderly[i] + 30 * disabled[i] + 20 * minor[i] + 30 * ill[i]) : 0;
    oEdu[i] = e;
    oSkill[i] = s;
    oIns[i] = pIns;
    oRes[i] = pRes;
    oHouse[i] = pHouse;
    oContrib[i] = contrib;
    oStab[i] = stab;
    oSkilled[i] = skilled;
    oTalent[i] = talent;
    oFamily[i] = family;
    oIncome[i] = pIncome;
    oVol[i] = pVol;
    oBlood[i] = pBlood;
    oGross[i] = gross;
    oDed[i] = ded;
    oTotal[i] = total;
    oElig[i] = total >= 12000 ? 1 : 0;
    oDibElig[i] = dibaoEligible;
    oGap[i] = gap;
    oBase[i] = base;
    oSupp[i] = supp;
    oDibao[i] = base + supp;
  }
}
