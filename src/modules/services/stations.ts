/**
 * Social-work stations (社工站): one per 镇区 with its staff, social workers, services and the supervision contract
 * bought from an outside agency. The coverage list names every 镇区, with its station or none.
 */
import { Type } from "typebox";
import { clock } from "../../core/clock";
import { isIsoDate } from "../../core/dates";
import { err, ok, type Result } from "../../core/result";
import { inTransactionWhenOk, type Executor, type Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../../platform/commands/context";
import { commandContext } from "../../platform/http/command-reply";
import { nullable } from "../../platform/http/response-schemas";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { findContract } from "./contracts.repository";
import { servicesDb } from "./tables";

const strict = { additionalProperties: false } as const;

export const StationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    staff: Type.Integer({ minimum: 0, maximum: 1000 }),
    socialWorkers: Type.Integer({ minimum: 0, maximum: 1000 }),
    services: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }),
    supervisionContractId: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    openedOn: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  },
  strict,
);
type StationInput = {
  name: string;
  address?: string;
  staff: number;
  socialWorkers: number;
  services: string[];
  supervisionContractId?: string | null;
  openedOn?: string | null;
};

const Station = Type.Object({
  townCode: Type.String(),
  townName: Type.String(),
  station: nullable(
    Type.Object({
      name: Type.String(),
      address: Type.String(),
      staff: Type.Integer(),
      socialWorkers: Type.Integer(),
      services: Type.Array(Type.String()),
      supervisionContractId: nullable(Type.String()),
      supervisionVendor: nullable(Type.String()),
      openedOn: nullable(Type.String()),
    }),
  ),
});
export const CoverageResponse = Type.Object({
  towns: Type.Integer(),
  covered: Type.Integer(),
  socialWorkers: Type.Integer(),
  items: Type.Array(Station),
});

/** Every 镇区 with its station or null, in the towns' order. */
export async function stationCoverage(executor: Executor) {
  const rows = await servicesDb(executor)
    .selectFrom("towns as t")
    .leftJoin("services_stations as s", "s.town_code", "t.code")
    .leftJoin("services_contracts as c", "c.id", "s.supervision_contract_id")
    .leftJoin("services_vendors as v", "v.id", "c.vendor_id")
    .select([
      "t.code as townCode",
      "t.name as townName",
      "s.name",
      "s.address",
      "s.staff",
      "s.social_workers as socialWorkers",
      "s.services",
      "s.supervision_contract_id as supervisionContractId",
      "v.name as supervisionVendor",
      "s.opened_on as openedOn",
    ])
    .orderBy("t.code")
    .execute();
  const items = rows.map((row) => ({
    townCode: row.townCode,
    townName: row.townName,
    station:
      row.name === null
        ? null
        : {
            name: row.name,
            address: row.address ?? "",
            staff: row.staff ?? 0,
            socialWorkers: row.socialWorkers ?? 0,
            services: row.services ?? [],
            supervisionContractId: row.supervisionContractId,
            supervisionVendor: row.supervisionVendor,
            openedOn: row.openedOn,
          },
  }));
  return {
    towns: items.length,
    covered: items.filter((each) => each.station).length,
    socialWorkers: items.reduce((sum, each) => sum + (each.station?.socialWorkers ?? 0), 0),
    items,
  };
}

/** Records or replaces the station of a 镇区 (one per 镇区). */
export async function saveStation(
  trx: Trx,
  context: CommandContext,
  townCode: string,
  input: StationInput,
): Promise<Result<{ townCode: string }>> {
  const db = servicesDb(trx);
  const town = await db.selectFrom("towns").select("code").where("code", "=", townCode).executeTakeFirst();
  if (!town) return err({ code: "not_found", field: "townCode", message: "townCode: 未知的镇区 (unknown town)" });
  const openedOn = input.openedOn ?? null;
  if (openedOn !== null && (!isIsoDate(openedOn) || openedOn > clock.today()))
    return err({
      code: "invalid_date",
      field: "openedOn",
      message: "openedOn: 须为不晚于今天的日期 (a date not in the future)",
    });
  if (input.socialWorkers > input.staff)
    return err({
      code: "invalid_staff",
      field: "socialWorkers",
      message: "socialWorkers: 持证社工不能多于工作人员 (social workers cannot outnumber the staff)",
    });
  const contractId = input.supervisionContractId ?? null;
  if (contractId !== null && !(await findContract(trx, contractId)))
    return err({
      code: "unknown_contract",
      field: "supervisionContractId",
      message: "supervisionContractId: 没有该服务合同 (no such contract)",
    });
  const values = {
    name: input.name.trim(),
    address: input.address?.trim() ?? "",
    staff: input.staff,
    social_workers: input.socialWorkers,
    services: input.services.map((each) => each.trim()).filter(Boolean),
    supervision_contract_id: contractId,
    opened_on: openedOn,
    updated_at: new Date(clock.now()),
  };
  const before = await db
    .selectFrom("services_stations")
    .selectAll()
    .where("town_code", "=", townCode)
    .executeTakeFirst();
  await db
    .insertInto("services_stations")
    .values({ town_code: townCode, ...values })
    .onConflict((oc) => oc.column("town_code").doUpdateSet(values))
    .execute();
  await audit(trx, context, {
    action: "services.station.save",
    entityType: "services_station",
    entityId: townCode,
    townCode,
    before: before ? { name: before.name, staff: before.staff, socialWorkers: before.social_workers } : undefined,
    after: { name: values.name, staff: values.staff, socialWorkers: values.social_workers, services: values.services },
  });
  return ok({ townCode });
}

export const stationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/services/stations",
    summary: { zh: "社工站覆盖情况（公开）", en: "Social-work station coverage (public)" },
    tags: ["services"],
    permission: "public",
    response: { 200: CoverageResponse },
    handler: ({ db }) => stationCoverage(db),
  }),
  defineRoute({
    method: "PUT",
    url: "/services/stations/:townCode",
    summary: { zh: "登记或更新镇区社工站", en: "Record or update a 镇区's social-work station" },
    tags: ["services"],
    permission: "services.stations.manage",
    params: Type.Object({ townCode: Type.String({ minLength: 1, maxLength: 40 }) }, strict),
    body: StationBody,
    response: { 200: CoverageResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => saveStation(trx, commandContext(request, actor), params.townCode, body)),
    present: (_saved, { db }) => stationCoverage(db),
  }),
];
