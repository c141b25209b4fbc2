import type { FastifyInstance } from "fastify";
import fastifyMultipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { inTransaction, inTransactionWhenOk } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import { commandContext, sendRefusal } from "../http/command-reply";
import { requireActor, sendError, sendForbidden, sendNotFound, sendProblem } from "../http/request-context";
import type { ModuleDependencies, ModuleManifest } from "../module";
import { fileTooLargeProblem, findFile, presentFile, storeFile } from "./files.commands";
import { mayReadFile, mayUploadFile } from "./files.policy";
import { maxFileBytes, readFileBytes } from "./files.store";

const tags = ["files"];
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, { additionalProperties: false });
const UploadQuery = Type.Object({ townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) }, { additionalProperties: false });

/** Evidence-file routes: multipart upload, metadata, and download as an attachment (never public, never inline). */
export async function fileRoutes(instance: FastifyInstance, { db }: ModuleDependencies): Promise<void> {
  await instance.register(async (scoped) => {
    await scoped.register(fastifyMultipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
    const app = scoped.withTypeProvider<TypeBoxTypeProvider>();

    app.post("/files", { schema: { tags, querystring: UploadQuery } }, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      if (!mayUploadFile(actor)) return sendForbidden(reply);
      if (!request.isMultipart()) return sendError(reply, 415, "unsupported_media_type", "请用 multipart/form-data 上传文件 (send multipart/form-data)", { file: "required" });
      const part = await request.file();
      if (!part) return sendError(reply, 400, "validation_failed", "缺少文件 (no file part)", { file: "缺少文件 (required)" });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") return sendProblem(reply, fileTooLargeProblem, 413);
        throw error;
      }
      const result = await inTransactionWhenOk(db, (trx) =>
        storeFile(trx, commandContext(request, actor), { name: part.filename, bytes, townCode: request.query.townCode ?? null }),
      );
      if (!result.ok) return sendRefusal(reply, result.error);
      return reply.code(201).send(presentFile(result.value));
    });
  });

  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/files/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const file = await findFile(db, request.params.id);
    if (!file || !mayReadFile(actor, file)) return sendNotFound(reply);
    return presentFile(file);
  });

  app.get("/files/:id/content", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const file = await inTransaction(db, async (trx) => {
      const found = await findFile(trx, request.params.id);
      if (!found || !mayReadFile(actor, found)) return null;
      if (found.ownerAccountId !== actor.id) {
        await appendAudit(trx, {
          actorId: actor.id, actorUsername: actor.username, requestId: request.id,
          action: "file.read", entityType: "file", entityId: found.id, townCode: found.townCode,
        });
      }
      return found;
    });
    if (!file) return sendNotFound(reply);
    const bytes = await readFileBytes(file.storageKey);
    return reply
      .header("content-type", file.mediaType)
      .header("content-disposition", `attachment; filename="file.${extension(file.mediaType)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(bytes);
  });
}

function extension(mediaType: string): string {
  return mediaType === "application/pdf" ? "pdf" : mediaType === "image/png" ? "png" : "jpg";
}

/** The evidence-file service as a module: its routes only (abilities come from the modules that use it). */
export const filesModule: ModuleManifest = {
  name: "files",
  routes: fileRoutes,
  permissions: { "files.upload": mayUploadFile },
};
