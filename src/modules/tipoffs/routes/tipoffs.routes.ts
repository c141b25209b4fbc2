import type { FastifyRequest } from "fastify";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { appendAudit } from "../../../platform/audit/audit.log";
import { readFileBytes } from "../../../platform/files/files.store";
import { commandContext, sendRefusal } from "../../../platform/http/command-reply";
import { sendError, sendProblem } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { addPhoto } from "../commands/photo.commands";
import {
  addInformation,
  collectReward,
  decideTipoff,
  grantReward,
  messageReporter,
  submitTipoff,
  takeTipoff,
} from "../commands/tipoff.commands";
import { guessesExhausted, recordWrongGuess } from "../guesses";
import { isHandlingOfficer, mayReadTipoff, queueDepartments, readsReporter } from "../policies";
import { presentTipoffForReporter, presentTipoffForStaff, presentTipoffSummary } from "../presenters";
import { receiptHash, isReceiptCodeShape } from "../receipt";
import { findTipoff, findTipoffByReceiptHash, photosOf, searchTipoffs, type TipoffRecord } from "../repository";
import { FollowResponse, PhotoResponse, ReceiptResponse, TipoffPage, TipoffResponse } from "../responses";
import {
  DecisionBody,
  IdParams,
  InformationBody,
  MessageBody,
  PhotoParams,
  QueueQuery,
  ReceiptBody,
  ReportBody,
  RewardBody,
} from "../schemas";
import { accountOrAddress, perAddressFactor } from "../../../platform/http/public-routes";

const tags = ["tipoffs"];

/** Reports per hour from one account (signed in) or one address (anonymous). */
export const reportsPerHour = 10;
/** Receipt lookups and additions per minute from one address. */
export const followsPerMinute = 30;

const wrongReceipt: Problem = {
  code: "not_found",
  field: "receiptCode",
  message: "回执码不正确 (no tip-off with this receipt code)",
};
const tooManyGuesses: Problem = {
  code: "rate_limited",
  field: "receiptCode",
  message: "回执码错误次数过多，请 15 分钟后再试 (too many wrong receipt codes: try again in 15 minutes)",
};

/**
 * The tip-off of a typed receipt code. Wrong guesses are recorded outside any command transaction (so a
 * refusal does not roll them back), and an address that used up its guesses is refused before the lookup.
 */
export async function resolveReceipt(
  db: Kysely<Database>,
  request: FastifyRequest,
  code: string,
): Promise<Result<TipoffRecord>> {
  if (await guessesExhausted(db, request.ip)) return err(tooManyGuesses);
  const found = isReceiptCodeShape(code) ? await findTipoffByReceiptHash(db, receiptHash(code)) : undefined;
  if (found) return ok(found);
  await recordWrongGuess(db, request.ip);
  return err(wrongReceipt);
}

const readableTipoff: RouteTarget<{ id: string }, unknown, TipoffRecord> = {
  resource: "tipoff",
  load: (executor, { params }) => findTipoff(executor, params.id),
  inScope: (actor: Actor, tipoff) => mayReadTipoff(actor, tipoff),
};

const handledTipoff: RouteTarget<{ id: string }, unknown, TipoffRecord> = {
  resource: "tipoff",
  load: (executor, { params }) => findTipoff(executor, params.id),
  inScope: (actor: Actor, tipoff) => isHandlingOfficer(actor, tipoff),
};

const followLimit = { rateLimit: { max: followsPerMinute, timeWindow: "1 minute" } };

/** Tip-off routes: report and follow (anyone, by receipt code), the handling department's queue and work. */
export const tipoffRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/tipoffs",
    summary: {
      zh: "举报线索（实名或匿名；回执码只显示一次）",
      en: "Report a tip-off, named or anonymous (the receipt code is shown once)",
    },
    tags,
    permission: "public",
    body: ReportBody,
    config: {
      rateLimit: {
        max: reportsPerHour,
        timeWindow: "1 hour",
        keyGenerator: accountOrAddress,
        perAddress: reportsPerHour * perAddressFactor,
      },
    },
    errors: [429],
    response: { 201: ReceiptResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) =>
        submitTipoff(trx, request.id, body, {
          kind: "web",
          account: actor ? { id: actor.id, displayName: actor.displayName, personId: actor.personId } : null,
        }),
      ),
    present: ({ tipoff, receiptCode }) => ({
      reference: tipoff.reference,
      receiptCode,
      categoryName: tipoff.categoryName,
      departmentName: tipoff.departmentName,
      state: tipoff.state,
      submittedOn: tipoff.submittedOn,
      dueOn: tipoff.dueOn,
    }),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/follow",
    summary: { zh: "凭回执码查看线索进展", en: "Follow a tip-off with its receipt code" },
    tags,
    permission: "public",
    body: ReceiptBody,
    config: followLimit,
    errors: [429],
    response: { 200: FollowResponse },
    command: ({ db, request, body }) => resolveReceipt(db, request, body.receiptCode),
    present: (tipoff, { db }) => presentTipoffForReporter(db, tipoff),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/follow/information",
    summary: { zh: "凭回执码补充线索", en: "Add information to a tip-off with its receipt code" },
    tags,
    permission: "public",
    body: InformationBody,
    config: followLimit,
    errors: [429],
    response: { 200: FollowResponse },
    command: async ({ db, request, body }) => {
      const found = await resolveReceipt(db, request, body.receiptCode);
      if (!found.ok) return found;
      return inTransactionWhenOk(db, (trx) => addInformation(trx, request.id, found.value, body.text));
    },
    present: (tipoff, { db }) => presentTipoffForReporter(db, tipoff),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/follow/photos",
    summary: {
      zh: "凭回执码上传照片（JPEG 或 PNG，不超过 10 MiB，去除 EXIF/GPS 信息）",
      en: "Add a photo with the receipt code (JPEG or PNG, at most 10 MiB; EXIF/GPS removed)",
    },
    tags,
    permission: "public",
    multipart: { fileSize: 10 * 1024 * 1024, files: 1, fields: 2 },
    config: followLimit,
    errors: [413, 415, 429],
    response: { 201: PhotoResponse },
    handler: async ({ db, request, reply }) => {
      if (!request.isMultipart())
        return sendError(
          reply,
          415,
          "unsupported_media_type",
          "请用 multipart/form-data 上传照片 (send multipart/form-data)",
          {
            file: "required",
          },
        );
      const part = await request.file();
      if (!part)
        return sendError(reply, 400, "validation_failed", "缺少照片 (no file part)", { file: "缺少照片 (required)" });
      const codeField = part.fields.receiptCode as { value?: unknown } | undefined;
      const code = typeof codeField?.value === "string" ? codeField.value : "";
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
          return sendProblem(
            reply,
            { code: "file_too_large", field: "file", message: "照片不能超过 10 MiB (at most 10 MiB)" },
            413,
          );
        throw error;
      }
      if (!code)
        return sendError(reply, 400, "validation_failed", "缺少回执码 (receiptCode is required, before the file)", {
          receiptCode: "缺少回执码 (required)",
        });
      const found = await resolveReceipt(db, request, code);
      if (!found.ok) return sendRefusal(reply, found.error);
      const stored = await inTransactionWhenOk(db, (trx) => addPhoto(trx, request.id, found.value, bytes));
      if (!stored.ok) return sendRefusal(reply, stored.error);
      return {
        id: stored.value.id,
        mediaType: stored.value.mediaType,
        sizeBytes: stored.value.sizeBytes,
        sha256: stored.value.sha256,
        createdAt: stored.value.createdAt.toISOString(),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/follow/reward",
    summary: { zh: "凭回执码领取奖励", en: "Collect a tip-off's reward with the receipt code" },
    tags,
    permission: "public",
    body: ReceiptBody,
    config: followLimit,
    errors: [429],
    response: { 200: FollowResponse },
    command: async ({ db, request, body }) => {
      const found = await resolveReceipt(db, request, body.receiptCode);
      if (!found.ok) return found;
      return inTransactionWhenOk(db, (trx) => collectReward(trx, request.id, found.value));
    },
    present: (tipoff, { db }) => presentTipoffForReporter(db, tipoff),
  }),
  defineRoute({
    method: "GET",
    url: "/tipoffs",
    summary: {
      zh: "线索队列（核查人员限本部门；不含举报人身份）",
      en: "The tip-off queue (officers: their department; without reporters' identity)",
    },
    tags,
    permission: "tipoffs.queue",
    querystring: QueueQuery,
    response: { 200: TipoffPage },
    handler: async ({ db, actor, query }) => {
      const { page = 1, pageSize = 20 } = query;
      const found = await searchTipoffs(db, { ...query, departments: queueDepartments(actor), page, pageSize });
      return {
        items: found.items.map((item) => presentTipoffSummary(actor, item)),
        total: found.total,
        page,
        pageSize,
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/tipoffs/:id",
    summary: {
      zh: "查看线索（举报人身份仅承办该线索的处理部门人员可见）",
      en: "Read a tip-off (the reporter's identity only for the handling department's officer who took it)",
    },
    tags,
    permission: "tipoffs.queue",
    params: IdParams,
    target: readableTipoff,
    accessLog: (tipoff) => ({ action: "tipoff.read", entityType: "tipoff", entityId: tipoff.id }),
    response: { 200: TipoffResponse },
    handler: async ({ db, request, actor, target }) => {
      if (readsReporter(actor, target) && !target.anonymous)
        await inTransaction(db, (trx) =>
          appendAudit(trx, {
            actorId: actor.id,
            actorUsername: actor.username,
            requestId: request.id,
            action: "tipoff.reporter.read",
            entityType: "tipoff",
            entityId: target.id,
            townCode: target.townCode,
          }),
        );
      return presentTipoffForStaff(db, actor, target);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/tipoffs/:id/photos/:photoId",
    summary: { zh: "下载线索照片（已去除元数据）", en: "Download a tip-off photo (metadata removed)" },
    tags,
    permission: "tipoffs.queue",
    params: PhotoParams,
    target: {
      resource: "tipoffPhoto",
      load: async (executor, { params }) => {
        const tipoff = await findTipoff(executor, params.id);
        const photo = tipoff && (await photosOf(executor, tipoff.id)).find((item) => item.id === params.photoId);
        return tipoff && photo ? { tipoff, photo } : undefined;
      },
      inScope: (actor: Actor, { tipoff }) => mayReadTipoff(actor, tipoff),
    },
    response: { 200: { mediaType: "image/jpeg", description: "the photo (JPEG or PNG)" } },
    handler: async ({ reply, target: { photo } }) => {
      const bytes = await readFileBytes(photo.storageKey);
      return reply
        .header("content-type", photo.mediaType)
        .header(
          "content-disposition",
          `attachment; filename="photo.${photo.mediaType === "image/png" ? "png" : "jpg"}"`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/:id/take",
    summary: { zh: "受理线索并开始核查", en: "Take a tip-off and start investigating" },
    tags,
    permission: "tipoffs.investigate",
    params: IdParams,
    target: handledTipoff,
    response: { 200: TipoffResponse },
    command: ({ db, request, actor, target }) =>
      inTransactionWhenOk(db, (trx) => takeTipoff(trx, commandContext(request, actor), target)),
    present: (tipoff, { db, actor }) => presentTipoffForStaff(db, actor, tipoff),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/:id/messages",
    summary: {
      zh: "给举报人留言（凭回执码可见），或内部备注",
      en: "Write to the reporter (read with the receipt code), or an internal note",
    },
    tags,
    permission: "tipoffs.investigate",
    params: IdParams,
    body: MessageBody,
    target: handledTipoff,
    response: { 200: TipoffResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) =>
        messageReporter(trx, commandContext(request, actor), target, {
          text: body.text,
          toReporter: body.toReporter ?? true,
        }),
      ),
    present: (tipoff, { db, actor }) => presentTipoffForStaff(db, actor, tipoff),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/:id/decision",
    summary: { zh: "核查结论：属实或不属实", en: "The finding: verified or not" },
    tags,
    permission: "tipoffs.investigate",
    params: IdParams,
    body: DecisionBody,
    target: handledTipoff,
    response: { 200: TipoffResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => decideTipoff(trx, commandContext(request, actor), target, body)),
    present: (tipoff, { db, actor }) => presentTipoffForStaff(db, actor, tipoff),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/:id/reward",
    summary: { zh: "登记举报奖励（凭回执码领取）", en: "Record a reward (collected with the receipt code)" },
    tags,
    permission: "tipoffs.investigate",
    params: IdParams,
    body: RewardBody,
    target: handledTipoff,
    response: { 200: TipoffResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => grantReward(trx, commandContext(request, actor), target, body)),
    present: (tipoff, { db, actor }) => presentTipoffForStaff(db, actor, tipoff),
  }),
];
