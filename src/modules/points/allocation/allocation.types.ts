/**
 * Public object shapes of the points ranking and allocation engine (中府办〔2014〕50号 Arts. 9–13).
 * Points are integer hundredths; coordinates are metres on a local plane; timestamps are ISO 8601 with a zone.
 */

export type Purpose = "school" | "housing" | "hukou";
export type Grade = "primary_1" | "junior_1";

export interface Coordinates {
  x: number;
  y: number;
}

/** One application as the ranking job hands it to the engine. */
export interface Applicant {
  applicationId: string;
  personId: string;
  purpose: Purpose;
  /** 镇区 code (towns.csv) where the application ranks. */
  townCode: string;
  /** School applications only: the grade the child enters. */
  grade?: Grade;
  /** Final purpose total in hundredths, town bonus included. */
  total: number;
  /** 个人素质 raw sub-score in hundredths (no town bonus): first tie-break (Impl. Art. 13). */
  personalQuality: number;
  /** 参保情况 raw sub-score in hundredths: second tie-break. */
  insurance: number;
  /** 居住情况 raw sub-score in hundredths: third tie-break. */
  residence: number;
  /** When the application was made (ISO 8601 timestamp with zone): fourth tie-break, earlier first. */
  appliedAt: string;
  /** School applications only: the child's home, for placement at the nearest school (Impl. Art. 9(3)). */
  home?: Coordinates;
  /** Threshold passed and acceptance conditions met; ineligible applications are listed but not ranked. */
  eligible: boolean;
  /** The property whose housing points this application counts (one property, one successful use). */
  propertyId?: string;
  /** The couple (household) the applicant belongs to; absent means the applicant is a household alone. */
  householdId?: string;
}

export interface School {
  schoolId: string;
  townCode: string;
  grade: Grade;
  seats: number;
  location: Coordinates;
}

export interface SchoolQuota {
  townCode: string;
  grade: Grade;
  places: number;
}

export interface HukouQuota {
  townCode: string;
  places: number;
}

export interface Quotas {
  /** 入学指标数 per 镇区 and grade (Impl. Art. 9(1)). */
  school: SchoolQuota[];
  /** 入户指标数 per 镇区 (Impl. Art. 11(1)). */
  hukou: HukouQuota[];
  /** Public rental units offered city-wide (Impl. Art. 10(1)). */
  housingUnits: number;
}

/** Everything one ranking run needs: the result depends on nothing else. */
export interface AllocationInput {
  /** The 镇区 codes of the city; every other town code must be one of them. */
  towns: string[];
  applicants: Applicant[];
  quotas: Quotas;
  schools: School[];
  /** Applications whose holder refused the placement: forfeited, the next in line moves up (Impl. Art. 9(3)). */
  refused?: string[];
}

export type Outcome = "admitted" | "waiting" | "not_admitted" | "ineligible" | "forfeited" | "refused_property_used";

/** The tie-break level that placed an application below the one ranked just above it. */
export type TieBreakLevel = "personalQuality" | "insurance" | "residence" | "appliedAt" | "applicationId";

export type RankScope = "town" | "city";

export interface ApplicationResult {
  applicationId: string;
  purpose: Purpose;
  townCode: string;
  grade?: Grade;
  /** 1..n within the scope (town and grade for school, town for hukou, city for housing); null when ineligible. */
  rank: number | null;
  rankScope: RankScope | null;
  outcome: Outcome;
  /** Hukou only, when admitted: 1 = first round in the 镇区, 2 = city-wide second round. */
  round?: 1 | 2;
  /** Hukou only: position among the city-wide second-round candidates. */
  cityRank?: number;
  /** Hukou second round: the tie-break level against the candidate just above in city order. */
  cityTieBreak?: TieBreakLevel;
  schoolId?: string;
  /** Straight-line distance from home to the school, metres rounded to centimetres. */
  distance?: number;
  /** Present when the total tied with the application ranked just above and a tie-break decided. */
  tieBreak?: TieBreakLevel;
}

/** Counts for one ranking scope: a 镇区 and grade (school), a 镇区 (hukou) or the city (housing). */
export interface GroupSummary {
  purpose: Purpose;
  townCode: string | null;
  grade?: Grade;
  quota: number;
  /** School only: seats offered by the scope's schools. */
  seats?: number;
  /** Hukou only: the most second-round entrants this 镇区 may have (10% of its quota, rounded down). */
  secondRoundCap?: number;
  applications: number;
  eligible: number;
  /** Admitted in the scope's own ranking (hukou: first round). */
  admitted: number;
  /** Hukou only: entrants of this 镇区 admitted in the city-wide second round. */
  admittedSecondRound?: number;
  forfeited: number;
  propertyRefused: number;
  /** Total of the lowest-ranked admitted application (hukou: first round), null when nobody was admitted. */
  cutoffTotal: number | null;
}

export interface SecondRoundSummary {
  /** Unused first-round hukou places city-wide. */
  places: number;
  candidates: number;
  admitted: number;
  cutoffTotal: number | null;
}

export interface AllocationResult {
  /** One entry per application, ordered by applicationId (UTF-16 code units). */
  applications: ApplicationResult[];
  /** School scopes (town × grade), then hukou (town), then housing (city), towns in input order. */
  summaries: GroupSummary[];
  hukouSecondRound: SecondRoundSummary;
}

/** Chinese labels of the tie-break levels, for the public list ("tie broken by 个人素质"). */
export const TIE_BREAK_LABELS: Record<TieBreakLevel, string> = {
  personalQuality: "个人素质",
  insurance: "参保情况",
  residence: "居住情况",
  appliedAt: "申请时间",
  applicationId: "申请编号",
};
