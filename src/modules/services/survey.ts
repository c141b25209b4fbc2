/**
 * The satisfaction survey's arithmetic, in integers: every answer is 1 (very dissatisfied) … 5 (very satisfied);
 * an answer of 4 or 5 is "satisfied"; satisfaction is satisfied answers ÷ all answers, in hundredths of a percent
 * rounded half up. Results are counted per question.
 */
import type { SurveyQuestion } from "./tables";

export const DEFAULT_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { id: "overall", text: "您对本项目服务的总体满意度" },
  { id: "attitude", text: "社工的服务态度" },
  { id: "timeliness", text: "服务是否及时" },
  { id: "effect", text: "服务对您的帮助" },
];

/** Satisfied answers are 4 or 5. */
export const SATISFIED_FROM = 4;

export interface QuestionResult {
  id: string;
  text: string;
  /** counts[0] is the number of 1s … counts[4] the number of 5s. */
  counts: number[];
  answered: number;
  satisfaction: number | null;
}

export interface SurveyResults {
  respondents: number;
  questions: QuestionResult[];
  /** Over every answer to every question, hundredths of a percent (7000 = 70.00%); null without answers. */
  satisfaction: number | null;
}

/** satisfied ÷ total as hundredths of a percent, half up, exactly. */
export function percentHundredths(satisfied: number, total: number): number | null {
  if (total === 0) return null;
  return Math.floor((2 * satisfied * 10000 + total) / (2 * total));
}

export function surveyResults(
  questions: readonly SurveyQuestion[],
  answers: readonly Record<string, number>[],
): SurveyResults {
  let satisfied = 0;
  let total = 0;
  const perQuestion = questions.map((question) => {
    const counts = [0, 0, 0, 0, 0];
    for (const answer of answers) {
      const value = answer[question.id];
      if (value === undefined) continue;
      counts[value - 1] += 1;
    }
    const answered = counts.reduce((sum, each) => sum + each, 0);
    const happy = counts[3] + counts[4];
    satisfied += happy;
    total += answered;
    return { id: question.id, text: question.text, counts, answered, satisfaction: percentHundredths(happy, answered) };
  });
  return { respondents: answers.length, questions: perQuestion, satisfaction: percentHundredths(satisfied, total) };
}
