import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";

// Evidence files: type by magic bytes, size limit, stored outside the web root, served only to staff and the owner.

const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("png body"),
]);
const pdfBytes = Buffer.from("%PDF-1.4\n% test evidence\n");

/** A multipart/form-data body with one file part. */
export function multipart(name: string, bytes: Buffer, contentType = "application/octet-stream") {
  const boundary = `----gongzhi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

let database: TestDatabase;
let app: FastifyInstance;
let folder: string;
const sessions = {} as Record<"resident" | "clerk" | "clerkXiaolan" | "verifier" | "admin", Session>;

async function upload(session: Session | null, name: string, bytes: Buffer, query = "") {
  const body = multipart(name, bytes);
  return app.inject({
    method: "POST",
    url: `/api/v1/files${query}`,
    payload: body.payload,
    headers: session ? { ...body.headers, cookie: session.cookie, "x-csrf-token": session.csrfToken } : body.headers,
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "gongzhi-files-"));
  process.env.GONGZHI_FILES = folder;
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  for (const name of ["resident", "clerk", "clerkXiaolan", "verifier", "admin"] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("evidence files", () => {
  it("stores a PNG with its sha256 outside the web root and audits the upload", async () => {
    const before = await countAudit(database.db, "file.upload");
    const response = await upload(sessions.resident, "居住证.png", pngBytes, "?townCode=shiqi");
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({
      name: "居住证.png",
      mediaType: "image/png",
      sizeBytes: pngBytes.length,
      townCode: "shiqi",
    });
    expect(file.sha256).toBe(createHash("sha256").update(pngBytes).digest("hex"));
    expect(file.storageKey).toBeUndefined();
    expect(readdirSync(folder).length).toBe(1);
    expect(existsSync(join(process.cwd(), "web", "dist", file.id))).toBe(false);
    expect(await countAudit(database.db, "file.upload")).toBe(before + 1);
  });

  it("refuses content that is not PDF, JPEG or PNG, whatever the name says", async () => {
    const response = await upload(
      sessions.resident,
      "evidence.pdf",
      Buffer.from("<html><script>alert(1)</script></html>"),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "file_type_not_allowed",
      fields: { file: expect.any(String) },
    });
  });

  it("refuses a file over 10 MiB with 413", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    pdfBytes.copy(big);
    const response = await upload(sessions.resident, "big.pdf", big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("file_too_large");
  });

  it("refuses anonymous uploads and non-multipart bodies", async () => {
    expect((await upload(null, "a.pdf", pdfBytes)).statusCode).toBe(401);
    const json = await sessions.resident.request("POST", "/api/v1/files", { file: "x" });
    expect(json.statusCode).toBe(415);
  });

  it("serves a file as an attachment with nosniff to its owner and staff, never to the public or another 镇区's clerk", async () => {
    const created = (await upload(sessions.resident, "证明.pdf", pdfBytes, "?townCode=shiqi")).json();
    const url = `/api/v1/files/${created.id}/content`;
    const own = await sessions.resident.request("GET", url);
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect(own.headers["content-disposition"]).toMatch(/^attachment; filename="file\.pdf"; filename\*=UTF-8''/);
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await sessions.clerk.request("GET", url)).statusCode).toBe(200);
    expect((await sessions.verifier.request("GET", url)).statusCode).toBe(200);
    expect((await sessions.clerkXiaolan.request("GET", url)).statusCode).toBe(404);
    expect((await sessions.admin.request("GET", url)).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    expect(await countAudit(database.db, "file.read")).toBeGreaterThanOrEqual(2);
  });

  it("gives a file uploaded without a 镇区 its owner's scope: another 镇区's clerk gets the same 404 as a missing file", async () => {
    const fromResident = (await upload(sessions.resident, "石岐证明.pdf", pdfBytes)).json();
    expect(fromResident.townCode).toBeNull();
    const fromClerk = (await upload(sessions.clerk, "入户照片.png", pngBytes)).json();
    const missing = await sessions.clerkXiaolan.request("GET", "/api/v1/files/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    for (const id of [fromResident.id, fromClerk.id]) {
      for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/content`]) {
        const refused = await sessions.clerkXiaolan.request("GET", url);
        expect(refused.statusCode, url).toBe(404);
        expect(refused.json()).toEqual(missing.json());
        // The resident is registered in 石岐, the uploading clerk works there: 石岐's clerk reads both.
        expect((await sessions.clerk.request("GET", url)).statusCode, url).toBe(200);
        expect((await sessions.verifier.request("GET", url)).statusCode, url).toBe(200);
      }
    }
    expect((await sessions.resident.request("GET", `/api/v1/files/${fromClerk.id}`)).statusCode).toBe(404);
  });
});
