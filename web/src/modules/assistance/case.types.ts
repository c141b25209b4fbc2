// API shapes of a case beyond the staff list's needs: the explanation steps, decision dates, the channel.
// Hand-declared: GET /assistance/cases/{id} and GET /assistance/my-cases declare no response schema yet.
import type { AssistanceCase } from "./types";

/** One step of the rules engine's explanation, labelled in both languages. */
export interface ExplanationStep {
  key: string;
  zh: string;
  en: string;
  value: string | number | boolean | null;
  reference?: string;
}

/** A case as GET /assistance/cases/:id and /assistance/my-cases send it. */
export interface CaseDetail extends AssistanceCase {
  householdId: string;
  channel: string;
  decidedOn: string | null;
  stopMonth: string | null;
  /** The server always sends the explanation steps. */
  eligibility: AssistanceCase["eligibility"] & { steps: ExplanationStep[] };
}

/** States after which a household may apply again. */
export const closedStates = ["refused", "stopped", "withdrawn"];
