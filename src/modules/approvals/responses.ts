/** Response schemas of the approvals catalogue. */
import { Type } from "typebox";
import { nullable, Page } from "../../platform/http/response-schemas";

const Status = Type.Union([Type.Literal("kept"), Type.Literal("cancelled"), Type.Literal("delegated")]);

export const ItemResponse = Type.Object({
  code: Type.String(),
  name: Type.String(),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  legalBasis: Type.String(),
  statutoryDays: nullable(Type.Integer({ description: "法定时限, working days; null when the law sets none" })),
  promisedDays: nullable(Type.Integer({ description: "承诺时限, working days" })),
  status: Status,
  statusOn: Type.String({ format: "date" }),
  statusDocument: Type.String(),
  synthetic: Type.Boolean({ description: "demo data, invented" }),
});

export const ItemsResponse = Page(ItemResponse);

export const ItemPageResponse = Type.Object({
  item: ItemResponse,
  history: Type.Array(
    Type.Object({
      status: Status,
      changedOn: Type.String({ format: "date" }),
      document: Type.String(),
      round: Type.String(),
      note: Type.String(),
    }),
  ),
});

const Counts = { kept: Type.Integer(), cancelled: Type.Integer(), delegated: Type.Integer() };

export const ReformResponse = Type.Object({
  totals: Type.Object({ ...Counts, all: Type.Integer() }),
  rounds: Type.Array(
    Type.Object({
      round: Type.String({ description: 'the reform round; "" for changes outside a round' }),
      firstOn: Type.String({ format: "date" }),
      lastOn: Type.String({ format: "date" }),
      ...Counts,
      keptAfter: Type.Integer({ description: "items kept in the catalogue after the round" }),
    }),
  ),
  departments: Type.Array(Type.Object({ departmentCode: Type.String(), departmentName: Type.String(), ...Counts })),
});

export const ImportReportResponse = Type.Object({
  importId: Type.String(),
  fileName: Type.String(),
  rowsTotal: Type.Integer(),
  rowsCreated: Type.Integer(),
  rowsUpdated: Type.Integer(),
  rowsRefused: Type.Integer(),
  problems: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() })),
});
