/**
 * Demo joint cases and meetings (synthetic, marked so): planned from today with the working-day calendar, so on any
 * day of the year the demo shows tasks on time, due soon and overdue at each escalation step, a recorded meeting
 * with action items and a planned one whose agenda lists the escalated tasks.
 */
import { addWorkingDays } from "../../core/calendar";
import { clock } from "../../core/clock";
import type { Trx } from "../../db/transaction";
import { escalateOverdueTasks } from "./commands/escalate";
import { planMeeting, recordMeeting } from "./commands/meetings";
import { insertTasks, openCase, type CoordinationContext } from "./commands/tasks";
import { coordinationDb } from "./tables";

const context: CoordinationContext = { actor: null, requestId: null, username: "demo" };

/** Cases: title, lead, town, tasks with the working days ago they started and their length. */
const demoCases = [
  {
    title: "（演示）出租屋消防隐患联合整治",
    leadDepartment: "migrant_office",
    townCode: "xiaolan",
    tasks: [
      {
        departmentCode: "fire_services",
        description: "核查举报的出租屋消防隐患并出具意见",
        startedAgo: 2,
        workingDays: 10,
      },
      { departmentCode: "public_security", description: "核对出租屋登记和居住证信息", startedAgo: 12, workingDays: 10 },
      { departmentCode: "housing_construction", description: "认定违法搭建情况", startedAgo: 16, workingDays: 10 },
    ],
  },
  {
    title: "（演示）流动人员子女入学材料跨部门核验",
    leadDepartment: "education",
    townCode: "shiqi",
    tasks: [
      {
        departmentCode: "human_resources_social_security",
        description: "核验社保缴纳年限",
        startedAgo: 8,
        workingDays: 5,
      },
      { departmentCode: "health_family_planning", description: "核验计划生育证明", startedAgo: 4, workingDays: 5 },
      { departmentCode: "public_security", description: "核验户籍和居住证", startedAgo: 1, workingDays: 5 },
    ],
  },
  {
    title: "（演示）低保家庭收入和财产跨部门核对",
    leadDepartment: "civil_affairs",
    townCode: "guzhen",
    tasks: [
      { departmentCode: "land_resources", description: "核对不动产登记", startedAgo: 3, workingDays: 10 },
      { departmentCode: "industry_commerce", description: "核对工商登记", startedAgo: 3, workingDays: 10 },
      { departmentCode: "housing_provident_fund", description: "核对公积金缴存", startedAgo: 6, workingDays: 5 },
    ],
  },
];

/** Seeds the demo joint cases, escalates what is overdue, records today's meeting and plans the next one. */
export async function seedCoordination(trx: Trx): Promise<void> {
  const today = clock.today();
  const db = coordinationDb(trx);
  for (const demo of demoCases) {
    const opened = await openCase(trx, context, {
      title: demo.title,
      description: "演示数据（虚构）",
      leadDepartment: demo.leadDepartment,
      townCode: demo.townCode,
      tasks: [],
    });
    if (!opened.ok) throw new Error(`coordination demo seed: ${opened.error.message}`);
    const startedOn = (ago: number) => addWorkingDays(today, -ago);
    const earliest = startedOn(Math.max(...demo.tasks.map((task) => task.startedAgo)));
    await db
      .updateTable("coordination_cases")
      .set({ synthetic: true, opened_on: earliest })
      .where("id", "=", opened.value.id)
      .execute();
    for (const task of demo.tasks)
      await insertTasks(
        trx,
        context,
        { caseId: opened.value.id, meetingId: null, townCode: demo.townCode, startedOn: startedOn(task.startedAgo) },
        [task],
      );
  }
  const escalated = await escalateOverdueTasks(trx, context);
  if (!escalated.ok) throw new Error(`coordination demo seed: ${escalated.error.message}`);
  const held = await planMeeting(trx, context, { title: "（演示）流动人口服务管理联席会议", heldOn: today });
  if (!held.ok) throw new Error(`coordination demo seed: ${held.error.message}`);
  const recorded = await recordMeeting(trx, context, held.value.id, {
    attendees: [
      { departmentCode: "migrant_office", name: "流管办代表（虚构）", present: true },
      { departmentCode: "public_security", name: "公安局代表（虚构）", present: true },
      { departmentCode: "education", name: "教体局代表（虚构）", present: true },
      { departmentCode: "housing_construction", name: "住建局代表（虚构）", present: false },
    ],
    minutes: "会议通报了逾期联办任务的办理情况，逐项研究了延误原因。（演示数据，虚构）",
    decisions: ["逾期任务由牵头部门督办，三个工作日内反馈", "下次会议通报整改结果"],
    actionItems: [
      { departmentCode: "housing_construction", description: "报送违法搭建认定结果", workingDays: 3 },
      { departmentCode: "migrant_office", description: "汇总各部门整改情况", workingDays: 5 },
    ],
  });
  if (!recorded.ok) throw new Error(`coordination demo seed: ${recorded.error.message}`);
  const next = await planMeeting(trx, context, {
    title: "（演示）下一次联席会议",
    heldOn: addWorkingDays(today, 5),
  });
  if (!next.ok) throw new Error(`coordination demo seed: ${next.error.message}`);
  await db.updateTable("coordination_meetings").set({ synthetic: true }).execute();
}
