/**
 * The communities import for the programme admin (what `gongzhi communities import` does, from the web app): the
 * CSV or XLSX file in base64 with the choice between all or nothing (default) and the good rows, answered with the
 * report of every bad row; and the template to fill in. The command is the CLI's (commands/communities.import.ts).
 */
import { err, ok } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { communitiesTemplateXlsx, importCommunities } from "../commands/communities.import";
import { CommunitiesImportResponse } from "../responses";
import { CommunitiesImportBody } from "../schemas";

const tags = ["registry"];

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POST /communities/imports and GET /communities/import-template.xlsx. */
export const communityRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/communities/imports",
    summary: {
      zh: "从 CSV 或 XLSX 导入或更正社区（村）及其中心坐标（逐行检查，列出有误的行）",
      en: "Import or correct communities and their centres from CSV or XLSX (each row checked; bad rows listed)",
    },
    tags,
    permission: "registry.communities.import",
    body: CommunitiesImportBody,
    response: { 200: CommunitiesImportResponse },
    command: async ({ db, request, actor, body }) => {
      const { fileName, csvBase64, xlsxBase64, mode } = body;
      if ((csvBase64 === undefined) === (xlsxBase64 === undefined))
        return err({
          code: "validation_failed",
          field: "file",
          message: "请上传一个 CSV 或 XLSX 文件 (send one CSV or XLSX file, as csvBase64 or xlsxBase64)",
        });
      const file = xlsxBase64 !== undefined ? { xlsxBase64, mode } : { csvBase64, mode };
      const imported = await inTransactionWhenOk(db, (trx) =>
        importCommunities(trx, commandContext(request, actor), file, fileName),
      );
      return imported.ok ? ok({ fileName, ...imported.value }) : imported;
    },
    present: (report) => report,
  }),
  defineRoute({
    method: "GET",
    url: "/communities/import-template.xlsx",
    summary: {
      zh: "社区导入模板（XLSX，附镇区代码）",
      en: "The communities import template (XLSX, with the town codes)",
    },
    tags,
    permission: "registry.communities.import",
    response: { 200: { mediaType: xlsxType, description: "the template" } },
    handler: async ({ db, reply }) => {
      const towns = await db.selectFrom("towns").select(["code", "name"]).orderBy("code").execute();
      return reply
        .header("content-type", xlsxType)
        .header("content-disposition", 'attachment; filename="communities-template.xlsx"')
        .header("x-content-type-options", "nosniff")
        .send(await communitiesTemplateXlsx(towns));
    },
  }),
];
