/**
 * Open311 GeoReport v2 at /open311/v2/ (outside /api/v1: its own conventions), in JSON and XML chosen by the
 * `.json` / `.xml` suffix: services, a service definition, POST a request (with an API key), requests with the
 * standard filters, one request, and tokens. Only public, non-confidential tip-off categories are services;
 * a reporter's name, email and phone are stored for the handling department and never returned here. Errors are
 * `[{ code, description }]` (`<errors><error>` in XML) with the matching HTTP status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { clock } from "../../../core/clock";
import type { Database } from "../../../db/schema";
import { inTransactionWhenOk } from "../../../db/transaction";
import { findActiveKey } from "../commands/keys.commands";
import { submitTipoff } from "../commands/tipoff.commands";
import { findCategory, listCategories, searchTipoffs, type CategoryRecord, type TipoffRecord } from "../repository";
import { tipoffsDb } from "../tables";
import { xmlDocument, type XmlElement } from "./xml";
import { publicRateLimit } from "../../../platform/http/public-routes";

/** The jurisdiction this server answers for (`jurisdiction_id`). */
export const jurisdictionId = "zhongshan.gov.cn";
/** Requests listed when no dates are given: the last 90 days, at most 1000 (as the specification suggests). */
export const defaultDays = 90;
export const maxRequests = 1000;

type Format = "json" | "xml";

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

function formatOf(value: string): Format {
  if (value === "json" || value === "xml") return value;
  throw new Open311Error(400, `format must be json or xml (格式须为 json 或 xml), got "${value}"`);
}

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: XmlElement) {
  reply.header("cache-control", "no-store");
  if (format === "xml") return reply.code(status).type("text/xml; charset=utf-8").send(xmlDocument(xml));
  return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(json));
}

function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  return send(
    reply,
    format,
    status,
    [{ code: status, description }],
    [
      "errors",
      [
        [
          "error",
          [
            ["code", status],
            ["description", description],
          ],
        ],
      ],
    ],
  );
}

/** A W3C datetime in Asia/Shanghai (+08:00). */
export function w3cDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

function parseW3c(value: string | undefined, name: string): Date | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value))
    throw new Open311Error(400, `${name} must be a W3C datetime such as 2026-01-05T08:00:00+08:00 (日期格式不正确)`);
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(parsed.getTime())) throw new Open311Error(400, `${name} is not a valid date (日期无效)`);
  return parsed;
}

function checkJurisdiction(value: unknown) {
  if (value !== undefined && value !== "" && value !== jurisdictionId)
    throw new Open311Error(404, `jurisdiction_id not found: this server serves "${jurisdictionId}" (未知辖区)`);
}

function presentService(category: CategoryRecord) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: true,
    type: "realtime",
    keywords: "",
    group: category.departmentName,
  };
}

function serviceXml(service: ReturnType<typeof presentService>): XmlElement {
  return ["service", Object.entries(service).map(([name, value]) => [name, value] as XmlElement)];
}

async function townValues(db: Kysely<Database>) {
  const towns = await db.selectFrom("towns").select(["code", "name"]).orderBy("code").execute();
  return towns.map((town) => ({ key: town.code, name: town.name }));
}

function presentRequest(tipoff: TipoffRecord) {
  const closed = tipoff.state === "verified" || tipoff.state === "not_verified";
  return {
    service_request_id: tipoff.id,
    status: closed ? "closed" : "open",
    status_notes: closed ? (tipoff.outcomeNote ?? "") : "",
    service_name: tipoff.categoryName,
    service_code: tipoff.categoryCode,
    description: tipoff.description,
    agency_responsible: tipoff.departmentName,
    service_notice: "",
    requested_datetime: w3cDateTime(tipoff.submittedAt),
    updated_datetime: w3cDateTime(tipoff.updatedAt),
    expected_datetime: `${tipoff.dueOn}T17:30:00+08:00`,
    address: tipoff.place,
    address_id: null,
    zipcode: null,
    lat: tipoff.latitude,
    long: tipoff.longitude,
    media_url: null,
  };
}

function requestXml(request: Record<string, unknown>): XmlElement {
  return [
    "request",
    Object.entries(request).map(([name, value]) => [name, value as string | number | null] as XmlElement),
  ];
}

function list(value: unknown): string[] | undefined {
  if (value === undefined || value === "") return undefined;
  return String(value)
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function text(body: Record<string, unknown>, name: string, max: number): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" && typeof value !== "number")
    throw new Open311Error(400, `${name} must be text (须为文本)`);
  const result = String(value).trim();
  if (result.length > max) throw new Open311Error(400, `${name} is longer than ${max} characters (过长)`);
  return result || undefined;
}

function numberOf(body: Record<string, unknown>, name: string): number | undefined {
  const value = text(body, name, 30);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Open311Error(400, `${name} must be a number (须为数字)`);
  return parsed;
}

/** Installs the Open311 routes under the given prefix (the caller passes `/open311/v2`). */
export function open311Plugin(db: Kysely<Database>) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string" },
      (_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
        const form: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(body.toString())) form[key] = value;
        done(null, form);
      },
    );

    const handle =
      (work: (request: FastifyRequest, reply: FastifyReply, format: Format) => Promise<unknown>) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const raw = (request.params as { format?: string }).format ?? "json";
        const format: Format = raw === "xml" ? "xml" : "json";
        try {
          return await work(request, reply, formatOf(raw));
        } catch (error) {
          if (error instanceof Open311Error) return sendErrors(reply, format, error.status, error.description);
          request.log.error(error);
          return sendErrors(reply, format, 500, "internal error (服务器内部错误)");
        }
      };
    // Public like the API's anonymous routes: the platform's rate limit on every read (the POST has its own).
    const hidden = { schema: { hide: true }, config: { rateLimit: publicRateLimit } };

    app.get(
      "/services.:format",
      hidden,
      handle(async (request, reply, format) => {
        checkJurisdiction((request.query as Record<string, unknown>).jurisdiction_id);
        const services = (await listCategories(db, { activeOnly: true, publicOnly: true })).map(presentService);
        return send(reply, format, 200, services, ["services", services.map(serviceXml)]);
      }),
    );

    app.get(
      "/services/:code.:format",
      hidden,
      handle(async (request, reply, format) => {
        checkJurisdiction((request.query as Record<string, unknown>).jurisdiction_id);
        const { code } = request.params as { code: string };
        const category = await findCategory(db, code);
        if (!category || !category.active || !category.public)
          throw new Open311Error(404, `service_code not found: "${code}" (未知服务类别)`);
        const values = await townValues(db);
        const definition = {
          service_code: category.code,
          attributes: [
            {
              variable: true,
              code: "town",
              datatype: "singlevaluelist",
              required: true,
              datatype_description: "镇区代码 (the town's code)",
              order: 1,
              description: "所在镇区 (town or district)",
              values,
            },
          ],
        };
        return send(reply, format, 200, definition, [
          "service_definition",
          [
            ["service_code", category.code],
            [
              "attributes",
              definition.attributes.map((attribute): XmlElement => [
                "attribute",
                [
                  ["variable", attribute.variable],
                  ["code", attribute.code],
                  ["datatype", attribute.datatype],
                  ["required", attribute.required],
                  ["datatype_description", attribute.datatype_description],
                  ["order", attribute.order],
                  ["description", attribute.description],
                  [
                    "values",
                    attribute.values.map((value): XmlElement => [
                      "value",
                      [
                        ["key", value.key],
                        ["name", value.name],
                      ],
                    ]),
                  ],
                ],
              ]),
            ],
          ],
        ]);
      }),
    );

    app.post(
      "/requests.:format",
      { ...hidden, config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
      handle(async (request, reply, format) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (typeof body !== "object" || Array.isArray(body))
          throw new Open311Error(400, "send the fields as a form or a JSON object (请以表单提交)");
        checkJurisdiction(body.jurisdiction_id);
        const apiKey = text(body, "api_key", 200);
        if (!apiKey) throw new Open311Error(400, "api_key was not provided (缺少 api_key)");
        const key = await findActiveKey(db, apiKey);
        if (!key) throw new Open311Error(403, "api_key is not valid (api_key 无效或已吊销)");
        const serviceCode = text(body, "service_code", 40);
        if (!serviceCode) throw new Open311Error(400, "service_code was not provided (缺少 service_code)");
        const category = await findCategory(db, serviceCode);
        if (!category || !category.active || !category.public)
          throw new Open311Error(404, `service_code not found: "${serviceCode}" (未知服务类别)`);
        const lat = numberOf(body, "lat");
        const long = numberOf(body, "long");
        const address = text(body, "address_string", 200);
        if ((lat === undefined || long === undefined) && !address)
          throw new Open311Error(400, "a location is required: lat and long, or address_string (请提供位置)");
        const town = text(body, "attribute[town]", 40);
        if (!town) throw new Open311Error(400, "attribute[town] is required (请选择镇区)");
        const description = text(body, "description", 4000);
        if (!description) throw new Open311Error(400, "description is required (请描述问题)");
        const firstName = text(body, "first_name", 30);
        const lastName = text(body, "last_name", 30);
        const name = [lastName, firstName].filter(Boolean).join("") || undefined;
        const phone = text(body, "phone", 30);
        const email = text(body, "email", 120);
        const named = !!(name || phone || email);
        const result = await inTransactionWhenOk(db, (trx) =>
          submitTipoff(
            trx,
            request.id,
            {
              categoryCode: category.code,
              townCode: town,
              place: address ?? `${lat},${long}`,
              description,
              anonymous: !named,
              latitude: lat ?? null,
              longitude: long ?? null,
              reporter: named ? { name: name ?? email ?? phone, phone, email } : undefined,
            },
            { kind: "open311", keyId: key.id, publicOnly: true },
          ),
        );
        if (!result.ok) {
          const field = result.error.field
            ? `${result.error.field === "townCode" ? "attribute[town]" : result.error.field}: `
            : "";
          throw new Open311Error(400, `${field}${result.error.message}`);
        }
        const created = {
          service_request_id: result.value.tipoff.id,
          token: result.value.tipoff.token,
          service_notice: `预计 ${result.value.tipoff.dueOn} 前处理 (expected by ${result.value.tipoff.dueOn})`,
          account_id: null,
        };
        return send(reply, format, 201, [created], ["service_requests", [requestXml(created)]]);
      }),
    );

    const findRequests = async (query: Record<string, unknown>) => {
      checkJurisdiction(query.jurisdiction_id);
      const ids = list(query.service_request_id);
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      const statuses = list(query.status);
      for (const status of statuses ?? [])
        if (status !== "open" && status !== "closed")
          throw new Open311Error(400, `status must be open or closed, got "${status}" (状态须为 open 或 closed)`);
      const start = parseW3c(query.start_date as string | undefined, "start_date");
      const end = parseW3c(query.end_date as string | undefined, "end_date");
      if (start && end && start > end)
        throw new Open311Error(400, "start_date is after end_date (开始日期晚于结束日期)");
      const from =
        start ??
        (ids
          ? undefined
          : end
            ? new Date(end.getTime() - defaultDays * 86_400_000)
            : new Date(clock.now().getTime() - defaultDays * 86_400_000));
      const codes = list(query.service_code);
      const found = await searchTipoffs(db, {
        departments: "all",
        publicOnly: true,
        ids: ids?.filter((id) => uuid.test(id)),
        fromDate: from?.toISOString(),
        toDate: end?.toISOString(),
        page: 1,
        pageSize: 5000,
      });
      return found.items
        .filter((item) => !codes || codes.includes(item.categoryCode))
        .filter((item) => {
          if (!statuses) return true;
          const closed = item.state === "verified" || item.state === "not_verified";
          return statuses.includes(closed ? "closed" : "open");
        })
        .slice(0, maxRequests)
        .map(presentRequest);
    };

    app.get(
      "/requests.:format",
      hidden,
      handle(async (request, reply, format) => {
        const requests = await findRequests(request.query as Record<string, unknown>);
        return send(reply, format, 200, requests, ["service_requests", requests.map(requestXml)]);
      }),
    );

    app.get(
      "/requests/:id.:format",
      hidden,
      handle(async (request, reply, format) => {
        const { id } = request.params as { id: string };
        const query = request.query as Record<string, unknown>;
        const requests = /^[0-9a-f-]{36}$/i.test(id)
          ? await findRequests({ jurisdiction_id: query.jurisdiction_id, service_request_id: id })
          : [];
        if (requests.length === 0) throw new Open311Error(404, `service_request_id not found: "${id}" (未找到该请求)`);
        return send(reply, format, 200, requests, ["service_requests", requests.map(requestXml)]);
      }),
    );

    app.get(
      "/tokens/:token.:format",
      hidden,
      handle(async (request, reply, format) => {
        checkJurisdiction((request.query as Record<string, unknown>).jurisdiction_id);
        const { token } = request.params as { token: string };
        const row = /^[0-9a-f]{24}$/.test(token)
          ? await tipoffsDb(db)
              .selectFrom("tipoffs as t")
              .innerJoin("tipoff_categories as c", "c.code", "t.category_code")
              .select(["t.id", "t.token"])
              .where("t.token", "=", token)
              .where("c.public", "=", true)
              .executeTakeFirst()
          : undefined;
        if (!row) throw new Open311Error(404, `token not found: "${token}" (未找到该令牌)`);
        const answer = { service_request_id: row.id, token: row.token };
        return send(reply, format, 200, [answer], ["service_requests", [requestXml(answer)]]);
      }),
    );
  };
}
