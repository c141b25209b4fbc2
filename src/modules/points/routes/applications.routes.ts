import { scoreBreakdown } from "../commands/scores";
import { err } from "../../../core/result";
import { clock } from "../../../core/clock";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, sendRefusal } from "../../../platform/http/command-reply";
import { sendError } from "../../../platform/http/request-context";
import { attachmentDisposition } from "../../../platform/http/attachment";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { applyForPurpose } from "../commands/application";
import { isUniqueViolation } from "../../../platform/commands/context";
import { refusePlacement } from "../commands/refusal";
import { noticePdf } from "../notice.pdf";
import { pointsDb } from "../points.tables";
import { mayOnEnrolment } from "../policies";
import { presentApplication, publishedResult, scoreHistory } from "../presenters";
import { findApplication, findCycle, findEnrolment } from "../repository";
import { ApplicationDetailResponse, ApplicationResponse } from "../responses";
import { ApplicationBody, IdParams } from "../schemas";
import { applicationTarget } from "./targets";

const tags = ["points"];
const purposeLabels: Record<string, string> = { school: "积分入学", hukou: "积分入户", housing: "积分承租公租房" };

/** Application routes: apply (resident, or clerk at the counter), follow it, download the notice. */
export const applicationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/points/applications",
    summary: {
      zh: "申请积分入学、入户或承租公租房",
      en: "Apply for a school place, hukou or public housing by points",
    },
    tags,
    permission: "points.apply",
    body: ApplicationBody,
    response: { 201: ApplicationResponse },
    handler: async ({ db, request, reply, actor, body }) => {
      const { enrolmentId, cycleId, ...input } = body;
      let result: Awaited<ReturnType<typeof applyForPurpose>>;
      try {
        result = await inTransactionWhenOk(db, async (trx) => {
          const enrolment = await findEnrolment(trx, enrolmentId);
          if (!enrolment || !mayOnEnrolment(actor, "apply", enrolment)) return err(notFoundProblem);
          const cycle = await findCycle(trx, cycleId);
          if (!cycle)
            return err({ code: "unknown_cycle", field: "cycleId", message: "cycleId: 没有该申请周期 (no such cycle)" });
          return applyForPurpose(trx, commandContext(request, actor), enrolment, cycle, input);
        });
      } catch (error) {
        // Two identical applications at the same instant: the unique indexes keep one; the other gets the same refusal as a repeat.
        if (isUniqueViolation(error, "points_applications_cycle_id_person_id_purpose_key"))
          return sendRefusal(reply, {
            code: "duplicate_application",
            field: "purpose",
            message: "同一周期同一用途只能申请一次 (already applied for this purpose in this cycle)",
          });
        if (isUniqueViolation(error, "points_applications_child"))
          return sendRefusal(reply, {
            code: "child_already_applied",
            field: "child.idNumber",
            message: "该子女本周期已由父母一方申请 (the other parent already applied)",
          });
        throw error;
      }
      if (!result.ok) return sendRefusal(reply, result.error);
      return presentApplication(actor, result.value);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/points/applications/:id/refuse-placement",
    summary: { zh: "放弃录取（学位或住房）", en: "Refuse the placement offered" },
    tags,
    permission: "points.apply",
    params: IdParams,
    target: applicationTarget("apply"),
    response: { 200: ApplicationResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, async (trx) => {
        const application = await findApplication(trx, params.id);
        if (!application) return err(notFoundProblem);
        return refusePlacement(trx, commandContext(request, actor), application);
      }),
    present: (application, { actor }) => presentApplication(actor, application),
  }),
  defineRoute({
    method: "GET",
    url: "/points/applications/:id",
    summary: { zh: "查看申请：得分、历史和公布结果", en: "An application with its score history and published result" },
    tags,
    permission: "points.enrolments.read",
    params: IdParams,
    target: applicationTarget("read"),
    accessLog: ({ application, enrolment }, actor) =>
      actor.personId === enrolment.person_id
        ? null
        : {
            action: "application.read",
            entityType: "points_application",
            entityId: application.id,
            townCode: enrolment.town_code,
          },
    response: { 200: ApplicationDetailResponse },
    handler: async ({ db, actor, target: { application } }) => ({
      ...presentApplication(actor, application),
      history: await scoreHistory(db, application.id),
      breakdown: await scoreBreakdown(db, application),
      result: await publishedResult(db, application.cycle_id, application.id),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/points/applications/:id/notice",
    summary: { zh: "下载录取通知书（正式名单公布后）", en: "Download the notice (once the final list is published)" },
    tags,
    permission: "points.enrolments.read",
    params: IdParams,
    target: applicationTarget("read"),
    accessLog: ({ application, enrolment }, actor) =>
      actor.personId === enrolment.person_id
        ? null
        : {
            action: "application.notice.read",
            entityType: "points_application",
            entityId: application.id,
            townCode: enrolment.town_code,
          },
    response: { 200: { mediaType: "application/pdf", description: "the notice as a PDF" } },
    handler: async ({ db, reply, target: { application, enrolment } }) => {
      const result = await publishedResult(db, application.cycle_id, application.id);
      if (!result || result.runStatus !== "final")
        return sendError(
          reply,
          409,
          "no_final_result",
          "正式名单公布后方可下载通知书 (the final list is not published yet)",
        );
      const cycle = (await findCycle(db, application.cycle_id))!;
      const run = await pointsDb(db)
        .selectFrom("points_runs")
        .select("sequence")
        .where("id", "=", result.runId)
        .executeTakeFirstOrThrow();
      const school = result.schoolId
        ? await pointsDb(db)
            .selectFrom("points_schools")
            .select("name")
            .where("id", "=", result.schoolId)
            .executeTakeFirst()
        : undefined;
      const town = await db
        .selectFrom("towns")
        .select("name")
        .where("code", "=", application.town_code)
        .executeTakeFirstOrThrow();
      const bytes = await noticePdf({
        year: cycle.year,
        purposeLabel: purposeLabels[application.purpose],
        name: enrolment.name,
        idNumber: enrolment.id_number,
        townName: town.name,
        total: application.score_total,
        grade: application.grade,
        childName: application.child_name,
        result,
        schoolName: school?.name ?? null,
        issuedOn: clock.today(),
        runSequence: run.sequence,
      });
      return reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          attachmentDisposition(
            `${cycle.year}年度${purposeLabels[application.purpose]}结果通知书-${application.child_name ?? enrolment.name}.pdf`,
            `notice-${cycle.year}.pdf`,
          ),
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  }),
];
