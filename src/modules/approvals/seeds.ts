/**
 * A demo catalogue (synthetic, every item marked so): 1,404 items across the city departments cut to 285 kept over
 * six reform rounds, as the seed's governance describes (domain/participation-procurement-grants.md: "cut its
 * approval items from 1,404 to 285 over six rounds"). The items, their names, legal bases, time limits, the round
 * dates and documents are invented; only the two totals and the number of rounds come from the description.
 */
import type { Trx } from "../../db/transaction";
import { approvalsDb, type ApprovalStatus } from "./tables";

const itemsBefore = 1404;
/** Items taken out of the catalogue in each round (cancelled or delegated); 1,404 − their sum = 285 kept. */
const cutPerRound = [320, 260, 200, 150, 110, 79];
const rounds = [
  { round: "改革前目录（演示）", on: "2012-06-30", document: "中府〔2012〕演示1号" },
  { round: "第一轮（演示）", on: "2012-12-28", document: "中府〔2012〕演示9号" },
  { round: "第二轮（演示）", on: "2013-06-28", document: "中府〔2013〕演示4号" },
  { round: "第三轮（演示）", on: "2013-12-27", document: "中府〔2013〕演示11号" },
  { round: "第四轮（演示）", on: "2014-06-27", document: "中府〔2014〕演示5号" },
  { round: "第五轮（演示）", on: "2015-03-31", document: "中府〔2015〕演示2号" },
  { round: "第六轮（演示）", on: "2015-12-30", document: "中府〔2015〕演示13号" },
];
const departments = [
  "education",
  "science_technology",
  "civil_affairs",
  "public_security",
  "human_resources_social_security",
  "land_resources",
  "health_family_planning",
  "work_safety",
  "migrant_office",
  "housing_provident_fund",
  "industry_commerce",
  "state_tax",
  "local_tax",
  "housing_construction",
  "fire_services",
];
const kinds = ["许可", "核准", "审核", "登记", "备案", "确认"];
const bases = [
  "《中华人民共和国行政许可法》及相关法规（演示）",
  "《广东省行政审批事项目录管理办法》（演示）",
  "部门规章（演示）",
  "省政府规范性文件（演示）",
];
const statutory = [20, 15, 30, 10, 45, 60, null];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 250) await insert(rows.slice(start, start + 250));
}

/** Seeds the demo catalogue with its six rounds. */
export async function seedApprovals(trx: Trx): Promise<void> {
  const db = approvalsDb(trx);
  const departmentNames = new Map(
    (await db.selectFrom("departments").select(["code", "name"]).execute()).map((row) => [row.code, row.name]),
  );
  const present = departments.filter((code) => departmentNames.has(code));
  if (present.length === 0) return;
  // The round that takes each item out (0: never); spread across departments by a fixed permutation.
  const removedIn = new Array<number>(itemsBefore).fill(0);
  const delegatedItem = new Array<boolean>(itemsBefore).fill(false);
  let next = 0;
  cutPerRound.forEach((cut, roundIndex) => {
    for (let count = 0; count < cut; count += 1, next += 1) {
      const item = (next * 7919) % itemsBefore;
      removedIn[item] = roundIndex + 1;
      delegatedItem[item] = count % 10 < 3;
    }
  });
  const final = (index: number): { status: ApprovalStatus; round: (typeof rounds)[number] } =>
    removedIn[index] === 0
      ? { status: "kept", round: rounds[0] }
      : { status: delegatedItem[index] ? "delegated" : "cancelled", round: rounds[removedIn[index]] };
  const items = Array.from({ length: itemsBefore }, (_, index) => {
    const department = present[index % present.length];
    const days = statutory[index % statutory.length];
    const last = final(index);
    return {
      code: `ZS-SP-${String(index + 1).padStart(4, "0")}`,
      name: `${departmentNames.get(department)!.replace(/^市/, "")}${kinds[index % kinds.length]}事项${index + 1}（演示）`,
      department_code: department,
      legal_basis: bases[index % bases.length],
      statutory_days: days,
      promised_days: days === null ? null : Math.ceil(days / 2),
      status: last.status,
      status_on: last.round.on,
      status_document: last.round.document,
      synthetic: true,
    };
  });
  const ids = new Map<string, string>();
  await insertChunked(items, async (chunk) => {
    for (const row of await db.insertInto("approval_items").values(chunk).returning(["id", "code"]).execute())
      ids.set(row.code, row.id);
  });
  const changes = items.flatMap((item, index) => {
    const id = ids.get(item.code)!;
    const listed = {
      item_id: id,
      status: "kept" as ApprovalStatus,
      changed_on: rounds[0].on,
      document: rounds[0].document,
      round: rounds[0].round,
      note: "列入目录",
      recorded_by: "demo",
      import_id: null,
    };
    if (removedIn[index] === 0) return [listed];
    const round = rounds[removedIn[index]];
    return [
      listed,
      {
        ...listed,
        status: item.status,
        changed_on: round.on,
        document: round.document,
        round: round.round,
        note: item.status === "delegated" ? "下放镇区实施" : "取消",
      },
    ];
  });
  await insertChunked(changes, (chunk) => db.insertInto("approval_item_changes").values(chunk).execute());
}
