/** Request schemas of the insight module. */
import { Type } from "typebox";

const strict = { additionalProperties: false } as const;

export const DashboardQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  strict,
);

export const ReportQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  strict,
);

export const PublicDashboardQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "only this 镇区" })),
  },
  strict,
);

export const FileParams = Type.Object(
  { file: Type.String({ pattern: "^[a-z0-9-]+\\.(csv|json|dictionary\\.json)$", maxLength: 80 }) },
  strict,
);
