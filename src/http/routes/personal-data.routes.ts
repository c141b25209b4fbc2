import { now } from "../../core/clock";
import { inTransaction } from "../../db/transaction";
import { appendAudit } from "../../platform/audit/audit.log";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { sendNotFound } from "../../platform/http/request-context";
import { collectPersonalData, personalDataPdf } from "../../platform/personal-data/personal-data";
import { cjkFontPath } from "../../platform/publicity/publicity.export";
import type { Actor } from "../../platform/roles";

/**
 * A resident downloads everything held about them (PIPL Art. 45) as JSON or as a PDF in Chinese. A POST: each
 * download is recorded in the audit log (who, when, which format), as the bank-file export is.
 */
function exportRoute(format: "json" | "pdf"): AnyRoute {
  return defineRoute({
    method: "POST",
    url: `/me/personal-data/${format}`,
    summary:
      format === "json"
        ? { zh: "下载本人全部信息（JSON）", en: "Download everything held about me (JSON)" }
        : { zh: "下载本人全部信息（PDF，中文）", en: "Download everything held about me (PDF, in Chinese)" },
    tags: ["personal-data"],
    permission: "personalData.own",
    response: {
      200:
        format === "json"
          ? {
              mediaType: "application/json",
              description: "the copy: person, household, accounts, records, audit trail",
            }
          : { mediaType: "application/pdf", description: "the copy as a PDF in Chinese" },
    },
    handler: async ({ db, request, reply, actor }) => {
      const personId = (actor as Actor).personId;
      if (!personId) return sendNotFound(reply);
      const copy = await inTransaction(db, async (trx) => {
        const collected = await collectPersonalData(trx, personId, now());
        await appendAudit(trx, {
          actorId: actor.id,
          actorUsername: actor.username,
          action: "person.personal_data.exported",
          entityType: "person",
          entityId: personId,
          after: {
            format,
            tables: collected.records.map((table) => table.table),
            auditEntries: collected.auditTrail.length,
          },
          requestId: request.id,
        });
        return collected;
      });
      const day = copy.generatedAt.slice(0, 10);
      const body =
        format === "json"
          ? Buffer.from(JSON.stringify(copy, null, 2), "utf8")
          : await personalDataPdf(copy, cjkFontPath);
      return reply
        .header("content-type", format === "json" ? "application/json; charset=utf-8" : "application/pdf")
        .header("content-disposition", `attachment; filename="personal-data-${day}.${format}"`)
        .header("cache-control", "no-store")
        .send(body);
    },
  });
}

/** The resident's copy of their data, in two formats. */
export const personalDataRoutes: readonly AnyRoute[] = [exportRoute("json"), exportRoute("pdf")];
