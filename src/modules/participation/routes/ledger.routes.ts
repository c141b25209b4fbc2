/**
 * Ledger routes: corrections by reversing entries, the import of hours served elsewhere in Guangdong, and the
 * resident's own volunteering (hours by year, category and place, entries, sign-ups, the certificate PDF).
 */
import { today } from "../../../core/clock";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import { hasRole, type Actor } from "../../../platform/roles";
import { certificatePdf } from "../certificate.pdf";
import { importOutsideHours } from "../commands/ledger.import";
import { reverseEntry } from "../commands/ledger.commands";
import { declareProfile } from "../commands/volunteering.commands";
import {
  findLedgerEntryTarget,
  hoursOfPerson,
  ledgerOfPerson,
  volunteeringOfPerson,
  type LedgerEntryTarget,
} from "../ledger.repository";
import { presentHours, presentLedgerEntry, presentSignup } from "../presenters";
import { ImportReportResponse, LedgerEntryResponse, MyVolunteeringResponse, ProfileResponse } from "../responses";
import { CertificateQuery, IdParams, LedgerImportBody, ProfileBody, ReversalBody } from "../schemas";

const tags = ["participation"];

/** An entry a programme admin may correct, or an organiser when it came from their organisation's activity. */
const correctableEntry: RouteTarget<{ id: string }, unknown, LedgerEntryTarget> = {
  resource: "ledgerEntry",
  load: (executor, { params, actor }) => findLedgerEntryTarget(executor, params.id, actor),
  inScope: (actor: Actor, entry) => hasRole(actor, "programme_admin") || entry.organisedByCaller,
};

export const ledgerRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/participation/ledger/:id/reversals",
    summary: {
      zh: "冲销台账记录（更正须写明理由，不修改不删除）",
      en: "Reverse a ledger entry (a correction with its reason; never an edit or a delete)",
    },
    tags,
    permission: "participation.ledger.correct",
    params: IdParams,
    body: ReversalBody,
    target: correctableEntry,
    response: { 201: LedgerEntryResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => reverseEntry(trx, commandContext(request, actor), params.id, body)),
    present: presentLedgerEntry,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/ledger/imports",
    summary: {
      zh: "导入省内其他地市志愿服务时长（广东省平台 XLSX，逐行检查）",
      en: "Import hours served elsewhere in Guangdong (the provincial platform's XLSX, each row checked)",
    },
    tags,
    permission: "participation.ledger.import",
    body: LedgerImportBody,
    response: { 201: ImportReportResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => importOutsideHours(trx, commandContext(request, actor), body)),
    present: (report) => report,
  }),
  defineRoute({
    method: "GET",
    url: "/participation/me",
    summary: {
      zh: "我的志愿服务：按年度、类别和服务地的时长，台账记录，报名",
      en: "My volunteering: hours by year, category and place, ledger entries, sign-ups",
    },
    tags,
    permission: "participation.volunteer",
    response: { 200: MyVolunteeringResponse },
    handler: async ({ db, actor }) => {
      const page = await volunteeringOfPerson(db, actor.personId!);
      return {
        partyMember: page.partyMember,
        ...presentHours(page.hours),
        entries: page.entries.map(presentLedgerEntry),
        signups: page.signups.map(presentSignup),
      };
    },
  }),
  defineRoute({
    method: "PUT",
    url: "/participation/me/profile",
    summary: {
      zh: "声明党员志愿者身份（仅用于统计，并对所服务的组织可见）",
      en: "Declare oneself a Party-member volunteer (aggregates only, and visible to one's organisations)",
    },
    tags,
    permission: "participation.volunteer",
    body: ProfileBody,
    response: { 200: ProfileResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => declareProfile(trx, commandContext(request, actor), body.partyMember)),
    present: (value) => value,
  }),
  defineRoute({
    method: "GET",
    url: "/participation/me/certificate",
    summary: { zh: "下载志愿服务时长证明（PDF）", en: "Download the volunteer-hours certificate (PDF)" },
    tags,
    permission: "participation.volunteer",
    querystring: CertificateQuery,
    response: { 200: { mediaType: "application/pdf", description: "the certificate as a PDF" } },
    handler: async ({ db, reply, actor, query }) => {
      const personId = actor.personId!;
      const person = await db
        .selectFrom("persons")
        .select(["name", "id_number"])
        .where("id", "=", personId)
        .executeTakeFirstOrThrow();
      const rows = (await hoursOfPerson(db, personId)).filter(
        (row) => query.year === undefined || row.year === query.year,
      );
      const entries = (await ledgerOfPerson(db, personId, 100_000)).filter(
        (entry) => query.year === undefined || Number(entry.servedOn.slice(0, 4)) === query.year,
      );
      const bytes = await certificatePdf({
        name: person.name,
        idNumber: person.id_number,
        year: query.year ?? null,
        rows,
        issuedOn: today(),
        entryCount: entries.length,
      });
      return reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="volunteer-certificate${query.year ? `-${query.year}` : ""}.pdf"`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  }),
];
