import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeTable } from "../../src/http/route-table";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, type Session } from "../helpers/fixtures";

// Issue 14, item 7: broken, truncated and oversized multipart bodies get a clear 4xx on every upload route
// of the route table — never a 500, never a stored half — and a client cut off mid-upload does not hurt the server.
let test: TestApp;
let resident: Session;
const folder = mkdtempSync(join(tmpdir(), "gongzhi-multipart-"));
const uploadUrls = routeTable()
  .filter((entry) => entry.route.multipart)
  .map((entry) => `/api/v1${entry.route.url}`);

beforeAll(async () => {
  process.env.GONGZHI_FILES = folder;
  test = await createTestApp();
  resident = await signIn(test.app, "resident");
});
afterAll(async () => {
  await test?.close();
  rmSync(folder, { recursive: true, force: true });
});

const boundary = "----gongzhiboundary";
const end = Buffer.from(`\r\n--${boundary}--\r\n`);
const pdf = Buffer.from("%PDF-1.4\n% evidence\n");
const filePart = (body: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
    body,
  ]);
const field = (name: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\nv\r\n`;
const multipartType = `multipart/form-data; boundary=${boundary}`;
const large = Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]);

const cases: {
  name: string;
  payload: Buffer | string;
  type?: string;
  status: number;
  code: string;
  or?: [number, string];
}[] = [
  { name: "cut off inside the file", payload: filePart(pdf), status: 400, code: "malformed_multipart" },
  {
    name: "cut off inside a part header",
    payload: `--${boundary}\r\ncontent-disposition: form-da`,
    status: 400,
    code: "malformed_multipart",
  },
  { name: "not multipart at all", payload: "hello world", status: 400, code: "malformed_multipart" },
  {
    name: "no boundary in the content type",
    payload: Buffer.concat([filePart(pdf), end]),
    type: "multipart/form-data",
    status: 400,
    code: "malformed_multipart",
  },
  { name: "oversized file", payload: Buffer.concat([filePart(large), end]), status: 413, code: "file_too_large" },
  // Both faults at once: whichever the parser meets first answers.
  {
    name: "oversized and cut off",
    payload: filePart(large),
    status: 413,
    code: "file_too_large",
    or: [400, "malformed_multipart"],
  },
  {
    name: "too many fields",
    payload: Array.from({ length: 20 }, (_, index) => field(`f${index}`)).join("") + `--${boundary}--\r\n`,
    status: 413,
    code: "too_many_fields",
  },
];

async function storedFiles(): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from stored_files`.execute(
    test.database.db,
  );
  return result.rows[0].count;
}

describe("malformed multipart bodies", () => {
  it("finds the upload routes in the route table", () => {
    expect(uploadUrls).toEqual(expect.arrayContaining(["/api/v1/files", "/api/v1/tipoffs/follow/photos"]));
  });

  it.each(cases)(
    "$name: $status $code on every upload route, nothing stored",
    async ({ payload, type, status, code, or }) => {
      const before = await storedFiles();
      for (const url of uploadUrls) {
        const response = await test.app.inject({
          method: "POST",
          url,
          payload,
          headers: {
            "content-type": type ?? multipartType,
            cookie: resident.cookie,
            "x-csrf-token": resident.csrfToken,
          },
        });
        const answer = [response.statusCode, response.json().error.code as string];
        expect([url, ...answer]).toEqual([url, ...(or && answer[0] === or[0] ? or : [status, code])]);
        expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await storedFiles()).toBe(before);
    },
  );

  it("survives a client that hangs up mid-upload, and answers the next request", async () => {
    const address = await test.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /api/v1/files HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: ${multipartType}\r\ncontent-length: 100000\r\ncookie: ${resident.cookie}\r\nx-csrf-token: ${resident.csrfToken}\r\n\r\n`,
        );
        socket.write(filePart(pdf));
        setTimeout(() => socket.destroy(), 200);
      });
      socket.on("close", () => resolve());
      socket.on("error", reject);
    });
    const health = await fetch(`${address}/api/health`);
    expect(health.status).toBe(200);
    expect(await storedFiles()).toBe(0);
  });
});
