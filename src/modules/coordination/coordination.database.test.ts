import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { seedTestWorld } from "../../../tests/helpers/fixtures";
import { resetClock, setClock } from "../../core/clock";
import { inTransaction } from "../../db/transaction";
import { modules } from "../../http/modules";
import { openDeadlines } from "../../platform/deadlines/deadlines";
import { inboxTasks } from "../../platform/deadlines/inbox";
import { syncSchedules } from "../../platform/jobs/jobs.queue";
import { jobDefinitions, runDueJobs } from "../../platform/jobs/jobs.worker";
import type { Actor, RoleGrant } from "../../platform/roles";
import { closeCase, completeTask, openCase, type CoordinationContext } from "./commands/tasks";
import { planMeeting, recordMeeting } from "./commands/meetings";
import { minutesPdf } from "./minutes.pdf";
import { departmentNames, findCase, findMeeting } from "./repository";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
let database: TestDatabase;
const context: CoordinationContext = { actor: null, requestId: null, username: "test" };
const definitions = jobDefinitions(modules);
const officer = (grant: Partial<RoleGrant>): Actor => ({
  id: "00000000-0000-0000-0000-000000000001",
  username: "officer",
  displayName: "officer",
  personId: null,
  grants: [{ role: "verifier", townCode: null, departmentCode: null, ...grant }],
});
const education = officer({ departmentCode: "education" });
const civilAffairs = officer({ departmentCode: "civil_affairs" });
const admin = officer({ role: "programme_admin" });
const inboxOf = async (actor: Actor, today: string) =>
  inboxTasks(await openDeadlines(modules, database.db), actor, today).filter((task) => task.module === "coordination");

// The job queue's times are real instants; the escalation reads the platform clock's date.
const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
let hour = 0;
const runScheduledEscalation = async () => {
  hour += 1;
  const now = new Date(t0.getTime() + hour * 3_600_000 + 1000);
  return runDueJobs(database.db, definitions, { now: () => now, owner: "test" });
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  await syncSchedules(
    database.db,
    [{ name: "coordination.escalate", kind: "coordination.escalate", everySeconds: 3600 }],
    t0,
  );
});
afterAll(async () => database?.close());
afterEach(() => resetClock());

describe("joint cases: escalation over working days by the scheduled job", () => {
  let caseId = "";

  it("opens a case whose task is due the day before National Day 2026", async () => {
    setClock("2026-09-24");
    const opened = await inTransaction(database.db, (trx) =>
      openCase(trx, context, {
        title: "联合核查",
        leadDepartment: "civil_affairs",
        townCode: "shiqi",
        tasks: [{ departmentCode: "education", description: "核查学籍", workingDays: 3 }],
      }),
    );
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    caseId = opened.value.id;
    expect(opened.value.number).toBe("JC-2026-0001");
    // 09-25 … 09-27 are the Mid-Autumn holiday: 3 working days from 09-24 are 09-28, 09-29, 09-30.
    expect(opened.value.tasks[0].due_on).toBe("2026-09-30");
    expect((await inboxOf(education, "2026-09-24")).map((task) => task.workingDaysLeft)).toEqual([3]);
    expect(await inboxOf(civilAffairs, "2026-09-24")).toEqual([]);
  });

  it("escalates to the lead department only, on the first working day after the holiday (8 calendar days late)", async () => {
    setClock("2026-10-07");
    const ran = await runScheduledEscalation();
    expect(ran.map((job) => job.status)).toEqual(["succeeded"]);
    expect((await findCase(database.db, caseId))!.tasks[0].escalation_level).toBe(0);

    setClock("2026-10-08");
    expect((await runScheduledEscalation()).map((job) => job.status)).toEqual(["succeeded"]);
    const task = (await findCase(database.db, caseId))!.tasks[0];
    expect(task.escalation_level).toBe(1);
    expect(task.escalated_on).toBe("2026-10-08");
    expect(task.events.map((event) => event.kind)).toEqual(["assigned", "escalated.lead"]);
    const leadInbox = await inboxOf(civilAffairs, "2026-10-08");
    expect(leadInbox.map((item) => [item.overdue, item.workingDaysLeft])).toEqual([[true, -1]]);
    expect(leadInbox[0].link).toBe(`/console/coordination/cases/${caseId}`);
    expect(await inboxOf(admin, "2026-10-08")).toEqual([]);
    const audits = await database.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", task.id)
      .execute();
    expect(audits.map((entry) => entry.action)).toEqual(["coordination.task.assign", "coordination.task.escalate"]);
  });

  it("escalates to the programme admin after 3 working days (the make-up Saturday counts) and onto the agenda after 5", async () => {
    setClock("2026-10-10");
    await runScheduledEscalation();
    expect((await findCase(database.db, caseId))!.tasks[0].escalation_level).toBe(2);
    expect(await inboxOf(admin, "2026-10-10")).toHaveLength(1);

    const meeting = await inTransaction(database.db, (trx) =>
      planMeeting(trx, context, { title: "联席会议", heldOn: "2026-10-15" }),
    );
    expect(meeting.ok && meeting.value.agenda.map((item) => item.reason)).toEqual(["overdue"]);

    setClock("2026-10-13");
    await runScheduledEscalation();
    expect((await findCase(database.db, caseId))!.tasks[0].escalation_level).toBe(3);
    const agenda = (await findMeeting(database.db, meeting.ok ? meeting.value.id : ""))!.agenda;
    expect(agenda.map((item) => item.reason)).toEqual(["escalated"]);
    // A meeting planned now lists it as escalated.
    const later = await inTransaction(database.db, (trx) =>
      planMeeting(trx, context, { title: "联席会议（二）", heldOn: "2026-10-20" }),
    );
    expect(later.ok && later.value.agenda.map((item) => item.reason)).toEqual(["escalated"]);
    // Running again the same day changes nothing.
    await runScheduledEscalation();
    expect((await findCase(database.db, caseId))!.tasks[0].events).toHaveLength(4);
  });

  it("records a meeting whose action items become tasks, writes its minutes as PDF, and closes the case when done", async () => {
    setClock("2026-10-15");
    const meetings = await database.db
      .selectFrom("coordination_meetings" as never)
      .select("id" as never)
      .execute();
    const firstId = (meetings[0] as { id: string }).id;
    const refused = await inTransaction(database.db, (trx) =>
      recordMeeting(trx, context, firstId, { attendees: [], minutes: "纪要", decisions: [], actionItems: [] }),
    );
    expect(!refused.ok && refused.error.field).toBe("attendees");
    const recorded = await inTransaction(database.db, (trx) =>
      recordMeeting(trx, context, firstId, {
        attendees: [{ departmentCode: "education", name: "代表", present: true }],
        minutes: "研究逾期任务",
        decisions: ["教育局两个工作日内反馈"],
        actionItems: [{ departmentCode: "education", description: "反馈核查结果", workingDays: 2 }],
      }),
    );
    expect(recorded.ok).toBe(true);
    if (!recorded.ok) return;
    expect(recorded.value.actionItems.map((task) => [task.department_code, task.due_on])).toEqual([
      ["education", "2026-10-19"],
    ]);
    const pdf = await minutesPdf(recorded.value, await departmentNames(database.db));
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    const educationInbox = await inboxOf(education, "2026-10-15");
    expect(educationInbox.map((task) => task.kind).sort()).toEqual(["coordination.action_item", "coordination.task"]);

    const record = (await findCase(database.db, caseId))!;
    const early = await inTransaction(database.db, (trx) => closeCase(trx, context, record));
    expect(!early.ok && early.error.code).toBe("tasks_open");
    const done = await inTransaction(database.db, (trx) => completeTask(trx, context, record.tasks[0].id, "已核查"));
    expect(done.ok).toBe(true);
    const closed = await inTransaction(database.db, async (trx) =>
      closeCase(trx, context, (await findCase(trx, caseId))!),
    );
    expect(closed.ok && closed.value.status).toBe("closed");
    expect(await inboxOf(civilAffairs, "2026-10-15")).toEqual([]);
  });

  it("refuses an unknown department, naming the field", async () => {
    setClock("2026-10-15");
    const refused = await inTransaction(database.db, (trx) =>
      openCase(trx, context, {
        title: "x",
        leadDepartment: "civil_affairs",
        tasks: [{ departmentCode: "nope", description: "x", workingDays: 2 }],
      }),
    );
    expect(!refused.ok && refused.error).toMatchObject({ code: "unknown_department", field: "tasks.0.departmentCode" });
  });
});
