import { Type } from "typebox";
import { maskAuditValue, seesPersonalDataInAudit } from "../../platform/audit/audit.present";
import { auditRowContent, verifyAuditChain } from "../../platform/audit/audit.verify";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { nullable, Page } from "../../platform/http/response-schemas";

const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 60 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ format: "uuid" })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

const AuditEntryResponse = Type.Object({
  position: Type.Integer(),
  id: Type.String(),
  at: Type.String({ format: "date-time" }),
  actorId: nullable(Type.String()),
  actorUsername: nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  townCode: nullable(Type.String()),
  before: Type.Unknown({ description: "the record before the change (any JSON, or null)" }),
  after: Type.Unknown({ description: "the record after the change (any JSON, or null)" }),
  requestId: nullable(Type.String()),
  previousHash: Type.String(),
  hash: Type.String(),
});

const AuditVerificationResponse = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  problems: Type.Array(Type.Object({ position: Type.Integer(), id: nullable(Type.String()), reason: Type.String() })),
  head: nullable(Type.Object({ position: Type.Integer(), hash: Type.String() })),
  keyed: Type.Boolean({ description: "whether the keyed hashes (audit key, kept outside the database) were checked" }),
  anchors: Type.Object({
    checked: Type.Integer({ description: "anchors of this chain in the anchor file outside the database" }),
    latest: nullable(Type.Object({ at: Type.String(), position: Type.Integer(), hash: Type.String() })),
  }),
});

const AuditVerifyQuery = Type.Object(
  {
    expectHead: Type.Optional(
      Type.String({
        pattern: "^[0-9a-fA-F]{64}$",
        description: "a head hash recorded earlier outside the database: it must still be the hash of an entry",
      }),
    ),
  },
  { additionalProperties: false },
);
const tags = ["audit"];

/** Audit log reading and chain verification (auditors and admins; personal data masked for admins, see audit.present.ts). */
export const auditRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/audit",
    summary: { zh: "查阅审计日志（最新在前）", en: "Read the audit log, newest first" },
    tags,
    permission: "audit.read",
    querystring: AuditQuery,
    response: { 200: Page(AuditEntryResponse) },
    handler: async ({ db, query, actor }) => {
      const { entityType, entityId, actorId, action, page = 1, pageSize = 50 } = query;
      let select = db.selectFrom("audit_entries");
      if (entityType) select = select.where("entity_type", "=", entityType);
      if (entityId) select = select.where("entity_id", "=", entityId);
      if (actorId) select = select.where("actor_id", "=", actorId);
      if (action) select = select.where("action", "=", action);
      const count = await select.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
      const rows = await select
        .selectAll()
        .orderBy("position", "desc")
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      // Masked on presentation only: the stored copies stay whole, so the chain still verifies.
      const full = seesPersonalDataInAudit(actor);
      const present = (row: (typeof rows)[number]) => {
        const content = auditRowContent(row);
        return full
          ? { ...content, hash: row.hash }
          : {
              ...content,
              before: maskAuditValue(content.before),
              after: maskAuditValue(content.after),
              hash: row.hash,
            };
      };
      return { items: rows.map(present), total: Number(count.count), page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/audit/verify",
    summary: { zh: "校验审计哈希链", en: "Verify the audit hash chain" },
    tags,
    permission: "audit.verify",
    querystring: AuditVerifyQuery,
    response: { 200: AuditVerificationResponse },
    handler: ({ db, query }) => verifyAuditChain(db, { expectHead: query.expectHead?.toLowerCase() }),
  }),
];
