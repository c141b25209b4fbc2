/** Helpers of the assistance API tests: households made through the registry API, and case bodies. */
import { addDays } from "../../src/core/dates";
import type { Session } from "../helpers/fixtures";
import { testIdNumber } from "../helpers/fixtures";
import { clock } from "../../src/core/clock";

let sequence = 5000;

/** A member to register: name and relationship to the head (the first is the head). */
export interface MemberSpec {
  name: string;
  relationship?: string;
}

/** Registers persons and a household through the registry API as a clerk of `town`; returns the ids in order. */
export async function makeHousehold(
  clerk: Session,
  townCode: string,
  members: MemberSpec[],
): Promise<{ householdId: string; personIds: string[] }> {
  const personIds: string[] = [];
  for (const member of members) {
    const response = await clerk.request("POST", "/api/v1/persons", {
      name: member.name,
      idNumber: testIdNumber((sequence += 1)),
      townCode,
      hukouType: "local",
    });
    if (response.statusCode !== 201) throw new Error(`person: ${response.statusCode} ${response.body}`);
    personIds.push(response.json().id as string);
  }
  const household = await clerk.request("POST", "/api/v1/households", {
    townCode,
    address: `测试路${sequence}号`,
    headPersonId: personIds[0],
  });
  if (household.statusCode !== 201) throw new Error(`household: ${household.statusCode} ${household.body}`);
  const householdId = household.json().id as string;
  for (const [index, member] of members.entries()) {
    if (index === 0) continue;
    const added = await clerk.request("POST", `/api/v1/households/${householdId}/members`, {
      personId: personIds[index],
      relationship: member.relationship ?? "child",
    });
    if (added.statusCode !== 201) throw new Error(`member: ${added.statusCode} ${added.body}`);
  }
  return { householdId, personIds };
}

/** A date `days` before today (Asia/Shanghai). */
export function daysAgo(days: number): string {
  return addDays(clock.today(), -days);
}

/** A case body for a household: incomes in yuan per member, categories per member. */
export function caseBody(
  householdId: string,
  personIds: string[],
  incomes: (string | number)[],
  options: { categories?: string[][]; assetsYuan?: string | number; submittedOn?: string; workCapacity?: string } = {},
) {
  return {
    householdId,
    workCapacity: options.workCapacity ?? "none",
    assetsYuan: options.assetsYuan ?? "0",
    bankAccount: `6222020${String((sequence += 1)).padStart(9, "0")}`,
    members: personIds.map((personId, index) => ({
      personId,
      monthlyIncomeYuan: incomes[index],
      categories: options.categories?.[index] ?? [],
    })),
    ...(options.submittedOn ? { submittedOn: options.submittedOn } : {}),
  };
}

/** A step date: a number of days ago, or a date. */
type When = number | string;

function at(when: When): string {
  return typeof when === "number" ? daysAgo(when) : when;
}

/** Takes a case from submission to the start of publicity, dating each step (days ago, or a date); returns the case. */
export async function throughTown(
  clerk: Session,
  caseId: string,
  days: { investigated: When; appraised: When; opinion: When; publicity?: When },
) {
  const investigated = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/investigation`, {
    homeVisit: { by: "王社工", on: at(days.investigated), findings: "居住简陋，无稳定收入" },
    neighbourVisits: [{ by: "王社工", on: at(days.investigated), findings: "邻居证实情况属实" }],
    dataChecks: [{ source: "社保、车辆、房产数据比对", on: at(days.investigated), findings: "无车辆、无第二套住房" }],
  });
  if (investigated.statusCode !== 200) throw new Error(`investigation: ${investigated.body}`);
  const appraised = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/appraisal`, {
    heldOn: at(days.appraised),
    members: 9,
    present: 7,
    agree: 6,
    minutes: "评议会议记录",
  });
  if (appraised.statusCode !== 200 || appraised.json().state !== "appraised")
    throw new Error(`appraisal: ${appraised.body}`);
  const opinion = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/town-opinion`, {
    givenOn: at(days.opinion),
    recommend: true,
    opinion: "同意上报",
  });
  if (opinion.statusCode !== 200) throw new Error(`opinion: ${opinion.body}`);
  if (days.publicity === undefined) return opinion.json();
  const publicised = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/publicity`, {
    startOn: at(days.publicity),
  });
  if (publicised.statusCode !== 200) throw new Error(`publicity: ${publicised.body}`);
  return publicised.json();
}
