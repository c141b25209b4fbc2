// The parts of a case the staff list does not need: the explanation steps, decision dates, the channel — all in
// the response schema of GET /assistance/cases/{id} (and /assistance/my-cases), read from the generated types.
import type { AssistanceCase } from "./types";

/** A case as GET /assistance/cases/:id and /assistance/my-cases send it. */
export type CaseDetail = AssistanceCase;

/** One step of the rules engine's explanation, labelled in both languages. */
export type ExplanationStep = CaseDetail["eligibility"]["steps"][number];

/** States after which a household may apply again. */
export const closedStates = ["refused", "stopped", "withdrawn"];
