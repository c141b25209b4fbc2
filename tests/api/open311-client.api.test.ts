/**
 * An Open311 GeoReport v2 client written from the specification (wiki.open311.org/GeoReport_v2), not from the
 * server's code: it talks HTTP to a freshly started server with the demo data and the demo key, and calls every
 * method in JSON and XML — GET services, GET a service definition, POST a request (form-encoded, with api_key),
 * GET tokens, GET requests with each standard filter, GET one request — and the errors the specification names
 * (400 missing or bad input, 403 bad api_key, 404 unknown service_code / service_request_id), each shaped
 * `[{ code, description }]` or `<errors><error><code/><description/></error></errors>`.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const apiKey = "demo-open311-key";
let database: TestDatabase;
let app: FastifyInstance;
let base = "";

// --- the client -------------------------------------------------------------------------------------------

type Format = "json" | "xml";

async function get(path: string, format: Format, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${base}/${path}.${format}${search ? `?${search}` : ""}`);
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

async function post(path: string, format: Format, form: Record<string, string>) {
  const response = await fetch(`${base}/${path}.${format}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

/** The text of every `<name>` element, in document order (the XML answers hold simple text elements). */
function xmlValues(xml: string, name: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>|<${name}/>`, "g"))].map((match) =>
    decode(match[1] ?? ""),
  );
}

/** Each `<name>…</name>` block. */
function xmlBlocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, "g"))].map((match) => match[1]);
}

function expectJsonError(answer: { status: number; text: string }, status: number) {
  expect(answer.status, answer.text).toBe(status);
  const errors = JSON.parse(answer.text) as { code: number; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  expect(errors[0].code).toBe(status);
  expect(errors[0].description.length).toBeGreaterThan(0);
}

function expectXmlError(answer: { status: number; text: string }, status: number) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const errors = xmlBlocks(answer.text, "error");
  expect(answer.text).toContain("<errors>");
  expect(errors).toHaveLength(1);
  expect(xmlValues(errors[0], "code")).toEqual([String(status)]);
  expect(xmlValues(errors[0], "description")[0].length).toBeGreaterThan(0);
}

const requestFields = [
  "service_request_id",
  "status",
  "status_notes",
  "service_name",
  "service_code",
  "description",
  "agency_responsible",
  "service_notice",
  "requested_datetime",
  "updated_datetime",
  "expected_datetime",
  "address",
  "address_id",
  "zipcode",
  "lat",
  "long",
  "media_url",
];
const w3c = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 100 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  base = `${address}/open311/v2`;
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("GET services", () => {
  it("lists the public services with the specification's fields (JSON)", async () => {
    const answer = await get("services", "json");
    expect(answer.status).toBe(200);
    expect(answer.type).toContain("application/json");
    const services = JSON.parse(answer.text) as Record<string, unknown>[];
    const codes = services.map((service) => service.service_code);
    expect(codes).toEqual(expect.arrayContaining(["street_light", "road", "sanitation"]));
    expect(codes, "confidential categories are never services").not.toContain("drugs");
    expect(codes).not.toContain("public_security");
    expect(codes).not.toContain("fire_hazard");
    for (const service of services) {
      for (const field of ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"])
        expect(service, field).toHaveProperty(field);
      expect(["realtime", "batch", "blackbox"]).toContain(service.type);
    }
  });

  it("lists the same services in XML", async () => {
    const answer = await get("services", "xml");
    expect(answer.status).toBe(200);
    expect(answer.type).toContain("xml");
    expect(answer.text).toContain("<services>");
    const codes = xmlBlocks(answer.text, "service").flatMap((block) => xmlValues(block, "service_code"));
    expect(codes).toEqual(expect.arrayContaining(["street_light", "road", "sanitation"]));
    expect(codes).not.toContain("drugs");
  });

  it("answers 404 for another jurisdiction", async () => {
    expectJsonError(await get("services", "json", { jurisdiction_id: "example.org" }), 404);
    expectXmlError(await get("services", "xml", { jurisdiction_id: "example.org" }), 404);
  });
});

describe("GET service definition", () => {
  it("describes the attributes with their values (JSON and XML)", async () => {
    const json = await get("services/street_light", "json");
    expect(json.status).toBe(200);
    const definition = JSON.parse(json.text);
    expect(definition.service_code).toBe("street_light");
    const town = definition.attributes.find((attribute: { code: string }) => attribute.code === "town");
    expect(town).toMatchObject({ variable: true, datatype: "singlevaluelist", required: true });
    expect(town.values.map((value: { key: string }) => value.key)).toContain("shiqi");
    const xml = await get("services/street_light", "xml");
    expect(xml.status).toBe(200);
    expect(xml.text).toContain("<service_definition>");
    const attribute = xmlBlocks(xml.text, "attribute")[0];
    expect(xmlValues(attribute, "code")).toContain("town");
    expect(xmlValues(attribute, "datatype")).toEqual(["singlevaluelist"]);
    expect(xmlValues(attribute, "key")).toContain("shiqi");
  });

  it("answers 404 for an unknown or confidential service_code", async () => {
    expectJsonError(await get("services/no_such_service", "json"), 404);
    expectXmlError(await get("services/no_such_service", "xml"), 404);
    expectJsonError(await get("services/drugs", "json"), 404);
  });
});

describe("POST service request, GET token, GET service request(s)", () => {
  const form = {
    api_key: apiKey,
    service_code: "road",
    lat: "22.5211",
    long: "113.3926",
    address_string: "石岐区中山一路 1 号",
    "attribute[town]": "shiqi",
    description: "路面有一个大坑 <b>危险</b>",
    first_name: "明",
    last_name: "陈",
    email: "chen.ming@example.org",
    phone: "13800001111",
  };

  it("creates a request and follows it by token and by id, never returning the reporter (JSON)", async () => {
    const created = await post("requests", "json", form);
    expect(created.status, created.text).toBeGreaterThanOrEqual(200);
    expect(created.status).toBeLessThan(300);
    const [answer] = JSON.parse(created.text);
    expect(answer.service_request_id ?? answer.token).toBeTruthy();
    const id = answer.service_request_id as string;

    if (answer.token) {
      const token = await get(`tokens/${answer.token}`, "json");
      expect(token.status).toBe(200);
      expect(JSON.parse(token.text)[0]).toMatchObject({ service_request_id: id, token: answer.token });
    }

    const one = await get(`requests/${id}`, "json");
    expect(one.status).toBe(200);
    const [request] = JSON.parse(one.text);
    for (const field of requestFields) expect(request, field).toHaveProperty(field);
    expect(request).toMatchObject({ service_request_id: id, service_code: "road", status: "open", lat: 22.5211 });
    expect(request.description).toBe(form.description);
    expect(request.requested_datetime).toMatch(w3c);
    expect(request.updated_datetime).toMatch(w3c);
    for (const secret of ["陈", "chen.ming@example.org", "13800001111"]) expect(one.text).not.toContain(secret);

    const filtered = async (query: Record<string, string>) =>
      (JSON.parse((await get("requests", "json", query)).text) as { service_request_id: string }[]).map(
        (item) => item.service_request_id,
      );
    expect(await filtered({})).toContain(id);
    expect(await filtered({ service_request_id: `${id},00000000-0000-4000-8000-000000000000` })).toEqual([id]);
    expect(await filtered({ service_code: "road" })).toContain(id);
    expect(await filtered({ service_code: "street_light" })).not.toContain(id);
    expect(await filtered({ status: "open" })).toContain(id);
    expect(await filtered({ status: "closed" })).not.toContain(id);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19) + "Z";
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + "Z";
    expect(await filtered({ start_date: yesterday, end_date: tomorrow })).toContain(id);
    expect(await filtered({ start_date: tomorrow })).not.toContain(id);
    expect(await filtered({ end_date: yesterday })).not.toContain(id);
    const all = JSON.parse((await get("requests", "json")).text) as { service_code: string }[];
    expect(all.every((item) => ["street_light", "road", "sanitation"].includes(item.service_code))).toBe(true);
  });

  it("does the same in XML", async () => {
    const created = await post("requests", "xml", { ...form, description: "井盖缺失 & 积水" });
    expect(created.status, created.text).toBeGreaterThanOrEqual(200);
    expect(created.status).toBeLessThan(300);
    expect(created.text).toContain("<service_requests>");
    const id = xmlValues(created.text, "service_request_id")[0];
    const token = xmlValues(created.text, "token")[0];
    expect(id).toBeTruthy();
    const byToken = await get(`tokens/${token}`, "xml");
    expect(byToken.status).toBe(200);
    expect(xmlValues(byToken.text, "service_request_id")).toEqual([id]);
    const one = await get(`requests/${id}`, "xml");
    expect(one.status).toBe(200);
    const block = xmlBlocks(one.text, "request")[0];
    for (const field of requestFields) expect(block, field).toMatch(new RegExp(`<${field}(>|/>)`));
    expect(xmlValues(block, "description")).toEqual(["井盖缺失 & 积水"]);
    expect(xmlValues(block, "status")).toEqual(["open"]);
    const listed = await get("requests", "xml", { service_code: "road", status: "open" });
    expect(listed.status).toBe(200);
    expect(xmlBlocks(listed.text, "request").flatMap((request) => xmlValues(request, "service_request_id"))).toContain(
      id,
    );
  });

  it("refuses a missing or wrong api_key, unknown services and incomplete requests with the right status", async () => {
    for (const format of ["json", "xml"] as const) {
      const check = format === "json" ? expectJsonError : expectXmlError;
      const { api_key: _omitted, ...withoutKey } = form;
      check(await post("requests", format, withoutKey), 400);
      check(await post("requests", format, { ...form, api_key: "wrong-key" }), 403);
      check(await post("requests", format, { ...form, service_code: "no_such_service" }), 404);
      check(await post("requests", format, { ...form, service_code: "drugs" }), 404);
      const { service_code: _code, ...withoutService } = form;
      check(await post("requests", format, withoutService), 400);
      const { lat: _lat, long: _long, address_string: _address, ...withoutLocation } = form;
      check(await post("requests", format, withoutLocation), 400);
      const { "attribute[town]": _town, ...withoutTown } = form;
      check(await post("requests", format, withoutTown), 400);
      check(await post("requests", format, { ...form, "attribute[town]": "atlantis" }), 400);
      check(await get("requests/00000000-0000-4000-8000-000000000000", format), 404);
      check(await get("requests/not-an-id", format), 404);
      check(await get("tokens/ffffffffffffffffffffffff", format), 404);
      check(await get("requests", format, { status: "pending" }), 400);
      check(await get("requests", format, { start_date: "yesterday" }), 400);
    }
  });

  it("refuses a key once an admin revokes it", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "admin", password: "Gongzhi-2026!" },
    });
    const headers = { cookie: `gz_session=${login.cookies[0].value}`, "x-csrf-token": login.json().csrfToken };
    const issued = await app.inject({
      method: "POST",
      url: "/api/v1/open311/keys",
      headers,
      payload: { label: "测试客户端" },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const key = issued.json().apiKey as string;
    const listed = await app.inject({ method: "GET", url: "/api/v1/open311/keys", headers });
    expect(listed.body).not.toContain(key);
    expect((await post("requests", "json", { ...form, api_key: key })).status).toBe(201);
    const revoked = await app.inject({
      method: "POST",
      url: `/api/v1/open311/keys/${issued.json().id}/revoke`,
      headers,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectJsonError(await post("requests", "json", { ...form, api_key: key }), 403);
  });
});
