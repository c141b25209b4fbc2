import { Type } from "typebox";
import { describeAuditEntries, entityTypeLabel, recordNamesOf } from "../../platform/audit/audit.describe";
import { maskAuditValue, seesPersonalDataInAudit } from "../../platform/audit/audit.present";
import { auditRowContent, verifyAuditChain } from "../../platform/audit/audit.verify";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { nullable, Page } from "../../platform/http/response-schemas";
import type { ModuleManifest } from "../../platform/module";

const Label = Type.Object({ zh: Type.String(), en: Type.String() }, { description: "a text in Chinese and English" });

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
  summary: Label,
  changes: Type.Array(
    Type.Object({
      field: Type.String(),
      label: Label,
      before: nullable(Label),
      after: nullable(Label),
    }),
    { description: "the recorded fields as people read them: labels, yuan, names; ids and unlabelled fields left out" },
  ),
  unlabelledFields: Type.Integer({
    description: "recorded fields without a label in the code dictionary (not listed)",
  }),
});

const EntityTypesResponse = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), label: Label })),
});

const AuditVerificationResponse = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  problems: Type.Array(Type.Object({ position: Type.Integer(), id: nullable(Type.String()), reason: Type.String() })),
  head: nullable(Type.Object({ position: Type.Integer(), hash: Type.String() })),
  keyed: Type.Boolean({ description: "whether the keyed hashes (audit key, kept outside the database) were checked" }),
  waiting: Type.Integer({
    description: "entries committed and waiting for their place in the chain (chained within moments of their write)",
  }),
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

/**
 * Audit log reading and chain verification (auditors and admins; personal data masked for admins, see
 * audit.present.ts). Each entry also comes as a sentence and a labelled field list (audit.describe.ts); the
 * modules name their records through their manifests' `recordNames`.
 */
export function auditRoutes(modules: readonly ModuleManifest[]): readonly AnyRoute[] {
  const recordNames = recordNamesOf(modules);
  return [
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
        const items = rows.map(present);
        const described = await describeAuditEntries(db, items, recordNames, full);
        return {
          items: items.map((item, index) => ({ ...item, ...described[index] })),
          total: Number(count.count),
          page,
          pageSize,
        };
      },
    }),
    defineRoute({
      method: "GET",
      url: "/audit/entity-types",
      summary: { zh: "审计日志中的对象类型（带名称）", en: "The record types found in the audit log, with labels" },
      tags,
      permission: "audit.read",
      response: { 200: EntityTypesResponse },
      handler: async ({ db }) => {
        const rows = await db.selectFrom("audit_entries").select("entity_type").distinct().execute();
        const items = rows.map((row) => ({ code: row.entity_type, label: entityTypeLabel(row.entity_type) }));
        items.sort((a, b) => a.label.zh.localeCompare(b.label.zh, "zh-CN"));
        return { items };
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
}
