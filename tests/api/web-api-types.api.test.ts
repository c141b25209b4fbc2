import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, readApiTypes, renderApiTypes } from "../../scripts/api-types";

describe("web/generated/openapi.ts", () => {
  it("is generated from the server's current OpenAPI document (run `npm run gen:api-types` when this fails)", async () => {
    const document = await buildOpenApiDocument();
    const expected = await renderApiTypes(document);
    const actual = await readApiTypes();
    // A plain equality would print 5 000 lines; name the first line that differs instead.
    const expectedLines = expected.split("\n");
    const actualLines = actual.split("\n");
    const first = expectedLines.findIndex((line, index) => line !== actualLines[index]);
    const where = first === -1 && expectedLines.length !== actualLines.length ? expectedLines.length : first;
    expect(
      where === -1
        ? null
        : { line: where + 1, generated: expectedLines[where] ?? "(end)", onDisk: actualLines[where] ?? "(end)" },
      "the generated web API types are stale: run `npm run gen:api-types` and commit the result",
    ).toBeNull();
  });
});
