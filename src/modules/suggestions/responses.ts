import { Type } from "typebox";
import { nullable, Page } from "../../platform/http/response-schemas";

const date = Type.String({ format: "date" });
const state = Type.String({
  description: "submitted | under_review | adopted | partly_adopted | not_adopted | implemented",
});

/** An idea as anyone sees it: the proposer's name masked, never their person or account. */
export const SuggestionSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  state,
  campaignCode: nullable(Type.String()),
  campaignName: nullable(Type.String()),
  townCode: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  proposer: Type.String({ description: "masked name" }),
  supportCount: Type.Integer(),
  supportThreshold: Type.Integer(),
  submittedOn: date,
  thresholdReachedOn: nullable(date),
  answerDueOn: nullable(date),
  answerOverdue: Type.Boolean({ description: "threshold reached, not answered, past the due date" }),
  answeredOn: nullable(date),
});
export const SuggestionPage = Page(SuggestionSummary);

/** One idea with its text, the department's answer and the progress notes; what the caller may do. */
export const SuggestionResponse = Type.Object({
  ...SuggestionSummary.properties,
  body: Type.String(),
  answer: nullable(Type.String()),
  progress: Type.Array(Type.Object({ text: Type.String(), implemented: Type.Boolean(), createdAt: Type.String() })),
  supportedByMe: Type.Boolean(),
  mine: Type.Boolean(),
  mayAnswer: Type.Boolean({ description: "the caller answers for the owning department" }),
});

export const SettingsResponse = Type.Object({
  supportThreshold: Type.Integer(),
  answerWorkingDays: Type.Integer(),
});

/** Public counts of a campaign's ideas. */
export const CampaignSuggestionFigures = Type.Object({
  code: Type.String(),
  proposed: Type.Integer(),
  adopted: Type.Integer({ description: "adopted, partly adopted or implemented" }),
});
