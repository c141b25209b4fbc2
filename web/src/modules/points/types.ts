// The API shapes of the points module (docs/points-module.md): aliases of the generated API types
// (web/generated/openapi.ts), named for the pages. Publicity lists are platform shapes (api/types.ts).
import type { ApiResponse, ItemOf } from "../../api/schema";

/** The self-check's answer (POST /public/points/self-check). */
export type SelfCheckAnswer = ApiResponse<"/public/points/self-check", "post">;

/** A scored purpose: total, threshold, subscores and the explained steps. */
export type PurposeScore = SelfCheckAnswer["results"][string];

/** One explained step of a score. */
export type ScoreStep = PurposeScore["steps"][number];

/** The resident's case file (GET /points/enrolments/{id}, GET /points/me). */
export type CaseFile = ApiResponse<"/points/enrolments/{id}">;

/** A fact of the case file. */
export type Fact = CaseFile["facts"][number];

/** An application with its history and published result. */
export type Application = CaseFile["applications"][number];

/** A published result of an application. */
export type ApplicationResult = NonNullable<Application["result"]>;

/** The verification queue (GET /points/verification/queue). */
export type Queue = ApiResponse<"/points/verification/queue">;

/** A queue item: a fact with its current deadline. */
export type QueueFact = Queue["facts"][number];

/** An objection in the queue. */
export type QueueObjection = Queue["objections"][number];

/** A yearly cycle (GET /points/cycles). */
export type Cycle = ItemOf<ApiResponse<"/points/cycles">>;

/** A ranking run (GET /points/cycles/{id}/runs). */
export type Run = ItemOf<ApiResponse<"/points/cycles/{id}/runs">>;

/** The scorecard's facts and their vocabulary (GET /public/points/facts). */
export type FactDefinition = ApiResponse<"/public/points/facts">["facts"][number];
