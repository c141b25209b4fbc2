/** Response schemas of the insight module. */
import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

const Cell = Type.Union([Type.Number(), Type.String()], { description: 'a number, or "<5" in public views' });
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const DashboardResponse = Type.Object({
  year: Type.Integer(),
  asOf: Type.String({ format: "date", description: "the server's today: figures are counted up to this date" }),
  townCode: nullable(Type.String()),
  public: Type.Boolean(),
  scope: Type.Union([Type.Literal("city"), Type.Array(Type.String())], {
    description: "the 镇区 the caller sees: the city or a list",
  }),
  goals: Type.Array(Type.Object({ goal: Type.String(), title: Bilingual })),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      goal: Type.String(),
      module: Type.String(),
      title: Bilingual,
      unit: Type.String(),
      status: Type.Union([
        Type.Literal("available"),
        Type.Literal("module_not_installed"),
        Type.Literal("not_provided"),
      ]),
      city: Type.Union([Cell, Type.Null()]),
      towns: Type.Array(Type.Object({ townCode: Type.String(), value: Cell })),
      monthly: Type.Union([Type.Array(Type.Object({ month: Type.Integer(), value: Type.Number() })), Type.Null()]),
    }),
  ),
});

export const CatalogResponse = Type.Object({
  datasets: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      titleEn: Type.String(),
      description: Type.String(),
      descriptionEn: Type.String(),
      csv: Type.String(),
      json: Type.String(),
      dictionary: Type.String(),
      updated: nullable(Type.String()),
      columns: Type.Array(
        Type.Object({
          name: Type.String(),
          type: Type.Union([
            Type.Literal("string"),
            Type.Literal("integer"),
            Type.Literal("number"),
            Type.Literal("date"),
          ]),
          description: Bilingual,
        }),
        { description: "the data dictionary (also at the dictionary URL)" },
      ),
    }),
  ),
});
