/** Request schemas of the policy screens (unknown fields refused). */
import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const isoDate = Type.String({ format: "date" });
/** A version id: lower-case words and digits joined by hyphens (`zhongshan-points-2014`). */
const versionId = Type.String({ minLength: 3, maxLength: 80, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" });
/** Points as a decimal number (the loader checks the two decimals and the kind of row). */
const pointsValue = Type.Number({ minimum: -1000, maximum: 1000 });

/** Path parameter `:id`: a version id. */
export const VersionParams = Type.Object({ id: versionId }, strict);

/** Path parameter `:id`: a simulation job id. */
export const JobParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);

/** Puts an approved version in force from a date. */
export const ActivateBody = Type.Object({ from: isoDate }, strict);
export type ActivateBody = Static<typeof ActivateBody>;

/** One indicator's edited parameters. */
export const IndicatorParametersBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 80 }),
    points: Type.Optional(pointsValue),
    valuePoints: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 80 }), pointsValue)),
    tierPoints: Type.Optional(Type.Array(pointsValue, { maxItems: 20 })),
    cap: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10000 }), Type.Null()])),
  },
  strict,
);

/** A new draft: copied from a version (usually the active one) with its own id, title, start and parameters. */
export const DraftBody = Type.Object(
  {
    sourceId: versionId,
    id: versionId,
    titleZh: Type.String({ minLength: 1, maxLength: 200 }),
    titleEn: Type.String({ minLength: 1, maxLength: 200 }),
    effectiveFrom: isoDate,
    indicators: Type.Array(IndicatorParametersBody, { maxItems: 200 }),
  },
  strict,
);
export type DraftBody = Static<typeof DraftBody>;
