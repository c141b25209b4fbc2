import { Type } from "typebox";
import { inTransaction, inTransactionWhenOk } from "../../db/transaction";
import { definePermissions } from "../access/permissions";
import { appendAudit } from "../audit/audit.log";
import { commandContext, sendRefusal } from "../http/command-reply";
import { sendError, sendProblem } from "../http/request-context";
import { nullable } from "../http/response-schemas";
import { defineRoute, type AnyRoute, type RouteTarget } from "../http/route";
import type { ModuleManifest } from "../module";
import { roles, type Actor } from "../roles";
import { fileTooLargeProblem, findFile, presentFile, storeFile, type FileRecord } from "./files.commands";
import { mayReadFile } from "./files.policy";
import { maxFileBytes, readFileBytes } from "./files.store";

const tags = ["files"];
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, { additionalProperties: false });
const UploadQuery = Type.Object(
  { townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
  { additionalProperties: false },
);

/** A stored file as the API shows it (never its storage key). */
export const FileResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  townCode: nullable(Type.String()),
  createdAt: Type.String({ format: "date-time" }),
});

const readableFile: RouteTarget<{ id: string }, undefined, FileRecord> = {
  resource: "file",
  load: (executor, { params }) => findFile(executor, params.id),
  inScope: (actor: Actor, file) => mayReadFile(actor, file),
};

/** Evidence-file routes: multipart upload, metadata, and download as an attachment (never public, never inline). */
export const fileRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/files",
    summary: {
      zh: "上传证明材料（PDF、JPEG 或 PNG，不超过 10 MiB）",
      en: "Upload an evidence file (PDF, JPEG or PNG, at most 10 MiB)",
    },
    tags,
    permission: "files.upload",
    querystring: UploadQuery,
    multipart: { fileSize: maxFileBytes, files: 1, fields: 5 },
    errors: [413, 415],
    response: { 201: FileResponse },
    handler: async ({ db, request, reply, actor, query }) => {
      if (!request.isMultipart())
        return sendError(
          reply,
          415,
          "unsupported_media_type",
          "请用 multipart/form-data 上传文件 (send multipart/form-data)",
          { file: "required" },
        );
      const part = await request.file();
      if (!part)
        return sendError(reply, 400, "validation_failed", "缺少文件 (no file part)", { file: "缺少文件 (required)" });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
          return sendProblem(reply, fileTooLargeProblem, 413);
        throw error;
      }
      const result = await inTransactionWhenOk(db, (trx) =>
        storeFile(trx, commandContext(request, actor), {
          name: part.filename,
          bytes,
          townCode: query.townCode ?? null,
        }),
      );
      if (!result.ok) return sendRefusal(reply, result.error);
      return presentFile(result.value);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/files/:id",
    summary: { zh: "文件信息", en: "A file's metadata" },
    tags,
    permission: "files.read",
    params: IdParams,
    target: readableFile,
    response: { 200: FileResponse },
    handler: ({ target }) => presentFile(target),
  }),
  defineRoute({
    method: "GET",
    url: "/files/:id/content",
    summary: {
      zh: "下载文件（他人读取记入审计）",
      en: "Download a file as an attachment (audited unless it is one's own)",
    },
    tags,
    permission: "files.read",
    params: IdParams,
    target: readableFile,
    response: { 200: { mediaType: "application/octet-stream", description: "the file's bytes (PDF, JPEG or PNG)" } },
    handler: async ({ db, request, reply, actor, target: file }) => {
      if (file.ownerAccountId !== actor.id) {
        await inTransaction(db, (trx) =>
          appendAudit(trx, {
            actorId: actor.id,
            actorUsername: actor.username,
            requestId: request.id,
            action: "file.read",
            entityType: "file",
            entityId: file.id,
            townCode: file.townCode,
          }),
        );
      }
      const bytes = await readFileBytes(file.storageKey);
      return reply
        .header("content-type", file.mediaType)
        .header(
          "content-disposition",
          `attachment; filename="file.${extension(file.mediaType)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  }),
];

function extension(mediaType: string): string {
  return mediaType === "application/pdf" ? "pdf" : mediaType === "image/png" ? "png" : "jpg";
}

/** The evidence-file service as a module: its routes only (upload and read permissions). */
export const filesModule: ModuleManifest = {
  name: "files",
  routes: fileRoutes,
  permissions: definePermissions({
    "files.upload": {
      roles: ["resident", "clerk", "verifier", "programme_admin", "vendor"],
      description:
        "上传证明材料（居民为本人，窗口为居民代办，服务机构为资质材料）(upload evidence: residents their own, clerks at the counter, vendors their qualification documents)",
    },
    "files.read": {
      // Every signed-in account: a file's owner always sees it, so which files are visible is the record's scope (404).
      roles,
      description:
        "查看和下载证明材料：本人上传的，或按角色范围 (read evidence: one's own uploads, or by role and town)",
    },
  }),
};
