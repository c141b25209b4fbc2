/** Request schemas of the approvals catalogue. */
import { ImportModeSchema } from "../../platform/imports";
import { Type } from "typebox";

const strict = { additionalProperties: false } as const;

export const ItemsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: "text in the name, code or legal basis" })),
    status: Type.Optional(Type.Union([Type.Literal("kept"), Type.Literal("cancelled"), Type.Literal("delegated")])),
    departmentCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);

export const ItemCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

export const ImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    xlsxBase64: Type.String({ minLength: 1, maxLength: 20_000_000 }),
    mode: Type.Optional(ImportModeSchema),
  },
  strict,
);
