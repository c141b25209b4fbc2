/** Joint meetings: list, plan (agenda from overdue and escalated tasks), read, record, minutes as PDF. */
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import { planMeeting, recordMeeting } from "../commands/meetings";
import { minutesPdf } from "../minutes.pdf";
import { presentMeeting, presentMeetingSummary } from "../presenters";
import { departmentNames, findMeeting, listMeetings, type MeetingRecord } from "../repository";
import { MeetingListResponse, MeetingResponse } from "../responses";
import { IdParams, MeetingCreateBody, MeetingRecordBody } from "../schemas";

const tags = ["coordination"];

// Meetings are city-wide: every holder of the read permission sees all of them.
const meeting: RouteTarget<{ id: string }, undefined, MeetingRecord> = {
  resource: "jointMeeting",
  load: (executor, { params }) => findMeeting(executor, params.id),
};

export const meetingRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/coordination/meetings",
    summary: { zh: "联席会议列表", en: "Joint meetings" },
    tags,
    permission: "coordination.meetings.read",
    response: { 200: MeetingListResponse },
    handler: async ({ db }) => ({ items: (await listMeetings(db)).map(presentMeetingSummary) }),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/meetings",
    summary: {
      zh: "安排联席会议（议程自动列入逾期和升级事项）",
      en: "Plan a joint meeting (its agenda lists the overdue and escalated tasks)",
    },
    tags,
    permission: "coordination.meetings.manage",
    body: MeetingCreateBody,
    response: { 201: MeetingResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => planMeeting(trx, commandContext(request, actor), body)),
    present: async (record, { db, actor }) => presentMeeting(record, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "GET",
    url: "/coordination/meetings/:id",
    summary: { zh: "查看联席会议", en: "Read a joint meeting" },
    tags,
    permission: "coordination.meetings.read",
    params: IdParams,
    target: meeting,
    response: { 200: MeetingResponse },
    handler: async ({ db, actor, target }) => presentMeeting(target, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "POST",
    url: "/coordination/meetings/:id/record",
    summary: {
      zh: "记录会议：出席、纪要、议定事项、交办事项（成为任务）",
      en: "Record a meeting: attendance, minutes, decisions, action items (which become tasks)",
    },
    tags,
    permission: "coordination.meetings.manage",
    params: IdParams,
    body: MeetingRecordBody,
    target: meeting,
    response: { 200: MeetingResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => recordMeeting(trx, commandContext(request, actor), params.id, body)),
    present: async (record, { db, actor }) => presentMeeting(record, await departmentNames(db), actor),
  }),
  defineRoute({
    method: "GET",
    url: "/coordination/meetings/:id/minutes.pdf",
    summary: { zh: "会议纪要 PDF", en: "The minutes as PDF" },
    tags,
    permission: "coordination.meetings.read",
    params: IdParams,
    target: meeting,
    response: { 200: { mediaType: "application/pdf", description: "the minutes as a PDF" } },
    handler: async ({ db, reply, target }) => {
      const pdf = await minutesPdf(target, await departmentNames(db));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="minutes-${target.number}.pdf"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  }),
];
