import { describe, expect, it } from "vitest";
import { canonicalJson, genesisHash, hashAuditContent } from "./audit.hash";

const content = {
  position: 1,
  id: "00000000-0000-4000-8000-000000000001",
  at: "2026-11-27T00:00:00.000Z",
  actorId: null,
  actorUsername: "system",
  action: "person.create",
  entityType: "person",
  entityId: "p1",
  townCode: "shiqi",
  before: null,
  after: { name: "张三", nested: { b: 2, a: 1 } },
  requestId: null,
  previousHash: genesisHash,
};

describe("audit hashing", () => {
  it("serialises with sorted keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("gives the same hash for the same content in any key order, and a different one for any change", () => {
    const reordered = { ...content, after: { nested: { a: 1, b: 2 }, name: "张三" } };
    expect(hashAuditContent(reordered)).toBe(hashAuditContent(content));
    expect(hashAuditContent({ ...content, after: { name: "张四", nested: { a: 1, b: 2 } } })).not.toBe(
      hashAuditContent(content),
    );
    expect(hashAuditContent({ ...content, previousHash: "1".repeat(64) })).not.toBe(hashAuditContent(content));
    expect(hashAuditContent(content)).toMatch(/^[0-9a-f]{64}$/);
  });
});
