import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { mayOnAudit } from "../../platform/access/audit.policy";
import { auditRowContent, verifyAuditChain } from "../../platform/audit/audit.verify";
import { requireActor, sendForbidden } from "../../platform/http/request-context";

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
const tags = ["audit"];

/** Audit log reading and chain verification (auditors and admins). */
export function auditRoutes(instance: FastifyInstance, db: Kysely<Database>): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/audit", { schema: { tags, querystring: AuditQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAudit(actor, "read")) return sendForbidden(reply);
    const { entityType, entityId, actorId, action, page = 1, pageSize = 50 } = request.query;
    let query = db.selectFrom("audit_entries");
    if (entityType) query = query.where("entity_type", "=", entityType);
    if (entityId) query = query.where("entity_id", "=", entityId);
    if (actorId) query = query.where("actor_id", "=", actorId);
    if (action) query = query.where("action", "=", action);
    const count = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy("position", "desc").limit(pageSize).offset((page - 1) * pageSize).execute();
    return {
      items: rows.map((row) => ({ ...auditRowContent(row), hash: row.hash })),
      total: Number(count.count),
      page,
      pageSize,
    };
  });

  app.get("/audit/verify", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAudit(actor, "verify")) return sendForbidden(reply);
    return verifyAuditChain(db);
  });
}
