import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

// Response shapes of the services routes (see presenters.ts).

const timestamp = Type.String({ format: "date-time" });
const date = Type.String({ description: "YYYY-MM-DD" });

export const RequirementResponse = Type.Object({
  requirement: Type.String(),
  label: Type.String(),
  fileId: nullable(Type.String()),
  passed: nullable(Type.Boolean()),
  checkNote: Type.String(),
  checkedOn: nullable(date),
});

/** A vendor as its own account and reviewers see it (with requirements and checks). */
export const VendorResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  legalRepresentative: Type.String(),
  townCode: nullable(Type.String()),
  bankAccount: Type.String({ description: "收款账号, empty when not given" }),
  qualifications: Type.Array(Type.String()),
  qualifiedOn: nullable(date),
  qualifiedUntil: nullable(date),
  qualified: Type.Boolean(),
  expiresSoon: Type.Boolean({ description: "the qualification ends within 30 days" }),
  requirements: Type.Array(RequirementResponse),
  createdAt: timestamp,
});
export const VendorsResponse = Type.Object({ items: Type.Array(VendorResponse) });
export const OwnVendorResponse = Type.Object({ vendor: nullable(VendorResponse) });

/** The public qualified list. */
export const PublicVendorsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      townCode: nullable(Type.String()),
      qualifications: Type.Array(Type.String()),
      qualifiedUntil: date,
    }),
  ),
});

const RankingEntry = Type.Object({
  bidId: Type.String(),
  vendorName: Type.String(),
  priceYuan: Type.String(),
  score: Type.String(),
  rank: Type.Integer(),
});

/** A need: public data. The bid count appears only once the bids are opened. */
export const NeedResponse = Type.Object({
  id: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  townCode: Type.String(),
  budgetYuan: Type.String(),
  periodStart: date,
  periodEnd: date,
  requiredQualifications: Type.Array(Type.String()),
  indicators: Type.Array(Type.Object({ name: Type.String(), target: Type.String() })),
  weights: Type.Object({ price: Type.Number(), plan: Type.Number(), staff: Type.Number(), past: Type.Number() }),
  bidsCloseOn: date,
  bidsOpened: Type.Boolean(),
  bidCount: nullable(Type.Integer({ description: "null while the bids are sealed" })),
  status: Type.String(),
  exceptionReason: nullable(Type.String()),
  winnerBidId: nullable(Type.String()),
  ranking: Type.Array(RankingEntry),
  publicityListId: nullable(Type.String()),
  createdAt: timestamp,
});
export const NeedsResponse = Type.Object({ items: Type.Array(NeedResponse) });

/** The public awards page (购买服务中标结果): each awarded need with its winner, price, score, method and dates. */
export const PublicAwardsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      departmentCode: Type.String(),
      departmentName: Type.String(),
      townCode: Type.String(),
      budgetYuan: Type.String(),
      periodStart: date,
      periodEnd: date,
      winner: Type.String({ description: "the winning vendor (an organisation)" }),
      amountYuan: Type.String({ description: "the winning price, the contract amount" }),
      score: Type.String({ description: "the winner's total score" }),
      validBids: nullable(Type.Integer()),
      method: Type.String({
        description:
          "scoring (comprehensive scoring, 3 or more valid bids) | exception (fewer, with a recorded exception)",
      }),
      exceptionReason: nullable(Type.String()),
      publishedOn: nullable(
        Type.String({ description: "YYYY-MM-DD: the result's publication (公示) starts; the award day by default" }),
      ),
      publicityEndOn: nullable(date),
    }),
  ),
});

export const BidResponse = Type.Object({
  id: Type.String(),
  needId: Type.String(),
  vendorId: Type.String(),
  vendorName: Type.String(),
  priceYuan: Type.String(),
  plan: Type.String(),
  team: Type.String(),
  submittedAt: timestamp,
});

const ReviewResponse = Type.Object({
  bidId: Type.String(),
  reviewerId: Type.String(),
  reviewerName: Type.String(),
  conflict: Type.Boolean(),
  conflictNote: Type.String(),
  plan: nullable(Type.String()),
  staff: nullable(Type.String()),
  past: nullable(Type.String()),
});

const BidResultResponse = Type.Object({
  bidId: Type.String(),
  valid: Type.Boolean(),
  invalidity: nullable(Type.String()),
  reviewers: Type.Integer(),
  recused: Type.Integer(),
  means: Type.Record(Type.String(), Type.String()),
  pricePoints: nullable(Type.String()),
  score: nullable(Type.String()),
  rank: nullable(Type.Integer()),
});

/** The opened bids with the panel's reviews and the ranking computed by the shared scoring code. */
export const OpenedBidsResponse = Type.Object({
  need: NeedResponse,
  bids: Type.Array(BidResponse),
  reviews: Type.Array(ReviewResponse),
  results: Type.Array(BidResultResponse),
  awardable: Type.Boolean(),
  winnerBidId: nullable(Type.String()),
  reason: Type.String(),
});

/** What a reviewer sees on a need's panel: the bidding vendors to declare on, then the bids not recused from. */
export const PanelViewResponse = Type.Object({
  need: NeedResponse,
  declared: Type.Boolean(),
  vendors: Type.Array(
    Type.Object({
      vendorId: Type.String(),
      vendorName: Type.String(),
      pastPerformance: nullable(
        Type.String({ description: "mean of the vendor's final-evaluation scores; null without any" }),
      ),
    }),
  ),
  bids: Type.Array(BidResponse),
  recusedBidIds: Type.Array(Type.String()),
  myReviews: Type.Array(ReviewResponse),
});

export const DeclarationResponse = Type.Object({ needId: Type.String(), recusedBidIds: Type.Array(Type.String()) });
export const ReviewResultResponse = ReviewResponse;
export const OwnBidResponse = Type.Object({ bid: nullable(BidResponse) });

const Indicator = Type.Object({ name: Type.String(), target: Type.String() });

export const MilestoneResponse = Type.Object({
  seq: Type.Integer(),
  title: Type.String(),
  dueOn: date,
  doneOn: nullable(date),
});

export const ContractResponse = Type.Object({
  id: Type.String(),
  needId: Type.String(),
  needTitle: Type.String(),
  departmentCode: Type.String(),
  townCode: Type.String(),
  vendorId: Type.String(),
  vendorName: Type.String(),
  amountYuan: Type.String(),
  indicators: Type.Array(Indicator),
  satisfactionThreshold: Type.Integer({ description: "percent" }),
  signedOn: date,
  periodStart: date,
  periodEnd: date,
  status: Type.String({ description: "active | completed" }),
  improvement: nullable(Type.String({ description: "flagged | addressed" })),
  improvementAction: nullable(Type.String()),
  improvementSatisfaction: nullable(Type.String({ description: "the satisfaction (percent) that raised the flag" })),
  milestones: Type.Array(MilestoneResponse),
});
export const ContractsResponse = Type.Object({ items: Type.Array(ContractResponse) });

export const ProgressReportResponse = Type.Object({
  id: Type.String(),
  contractId: Type.String(),
  milestoneSeq: nullable(Type.Integer()),
  summary: Type.String(),
  fileIds: Type.Array(Type.String()),
  submittedAt: timestamp,
  status: Type.String({ description: "submitted | accepted | returned" }),
  reviewNote: Type.String(),
});

export const RecommendationResponse = Type.Object({
  id: Type.String(),
  contractId: Type.String(),
  vendorName: Type.String(),
  kind: Type.String({ description: "assistance | other" }),
  subjectName: Type.String(),
  townCode: Type.String(),
  reason: Type.String(),
  status: Type.String({
    description:
      "pending | approved | rejected; an approved assistance recommendation is forwarded, then accepted | declined by the assistance desk",
  }),
  submittedAt: timestamp,
  decidedAt: nullable(timestamp),
  decisionNote: Type.String(),
  referralId: nullable(Type.String({ description: "the referral in the assistance module, once forwarded" })),
  referralNote: Type.String({ description: "the referral's outcome: the case number, or the reason it was declined" }),
});
export const RecommendationsResponse = Type.Object({ items: Type.Array(RecommendationResponse) });

export const EvaluationResponse = Type.Object({
  id: Type.String(),
  stage: Type.String({ description: "mid | final" }),
  evaluator: Type.String({ description: "department | third_party" }),
  evaluatorName: Type.String(),
  results: Type.Array(
    Type.Object({
      name: Type.String(),
      target: Type.String(),
      actual: Type.String(),
      met: Type.Boolean(),
      score: Type.String(),
    }),
  ),
  score: Type.String(),
  indicatorsMet: Type.Boolean(),
  satisfaction: nullable(Type.String({ description: "percent with 2 decimals" })),
  answers: Type.Integer(),
  note: Type.String(),
  recordedAt: timestamp,
});

export const SurveyResultsResponse = Type.Object({
  surveyId: Type.String(),
  closesOn: date,
  respondents: Type.Integer(),
  satisfaction: nullable(Type.String()),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      counts: Type.Array(Type.Integer(), { description: "answers 1…5" }),
      answered: Type.Integer(),
      satisfaction: nullable(Type.String()),
    }),
  ),
});

const ContractPayment = Type.Object({
  id: Type.String(),
  stage: Type.String({ description: "milestone | final" }),
  milestoneSeq: nullable(Type.Integer()),
  amountYuan: Type.String(),
  paidOn: date,
  note: Type.String(),
});

/** A contract's payment schedule (each milestone, then the final payment) and its payments, amounts in yuan. */
export const ContractPaymentsResponse = Type.Object({
  contractId: Type.String(),
  amountYuan: Type.String(),
  paidYuan: Type.String(),
  remainingYuan: Type.String(),
  schedule: Type.Array(
    Type.Object({
      stage: Type.String({ description: "milestone | final" }),
      milestoneSeq: nullable(Type.Integer()),
      title: Type.String({ description: "the milestone's title; empty for the final payment" }),
      plannedYuan: Type.String(),
      status: Type.String({ description: "awaiting_report | awaiting_evaluation | payable | paid" }),
      payment: nullable(ContractPayment),
    }),
  ),
  payments: Type.Array(ContractPayment),
});

/** A contract with everything after the award: reports, recommendations, evaluations, survey, past performance. */
export const ContractDetailResponse = Type.Object({
  contract: ContractResponse,
  reports: Type.Array(ProgressReportResponse),
  recommendations: Type.Array(RecommendationResponse),
  evaluations: Type.Array(EvaluationResponse),
  survey: nullable(SurveyResultsResponse),
  payments: ContractPaymentsResponse,
});

/** The public survey form: questions only. */
export const PublicSurveyResponse = Type.Object({
  surveyId: Type.String(),
  needTitle: Type.String(),
  vendorName: Type.String(),
  closesOn: date,
  open: Type.Boolean(),
  questions: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
});
export const SurveyAnsweredResponse = Type.Object({ surveyId: Type.String(), answered: Type.Boolean() });

/** A vendor's past performance: the final-evaluation scores of its contracts and their mean. */
export const PastPerformanceResponse = Type.Object({
  vendorId: Type.String(),
  finalScores: Type.Array(Type.String()),
  mean: nullable(Type.String()),
});
