/**
 * The audit log in words: each entry becomes a sentence in Chinese and English ("石岐区办事员 于 2026-03-02
 * 14:05 批准了 低保案件 DB2026-000004，月保障金额 3,895.00 元") and a list of the fields it recorded, each with
 * its label from the code dictionary and its value made readable (money in yuan, codes by their labels, towns
 * and departments by name, people by their masked name, times in Asia/Shanghai). Ids that name no one are left
 * out; fields without a label are counted, not shown. Personal data follow the audit rule (audit.present.ts).
 */
import type { Executor } from "../../db/transaction";
import { fenToYuanString } from "../../core/money";
import { maskName } from "../../core/masking";
import { findLabel, labelOf, type Label, type LabelGroup } from "../labels/labels";
import type { ModuleManifest } from "../module";
import { maskField } from "./audit.present";

/** What an entry needs to be described (the stored content of an audit row). */
export interface DescribableEntry {
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** One recorded field: its label and its value before and after, as people read them ("—" when absent). */
export interface AuditChange {
  field: string;
  label: Label;
  before: Label | null;
  after: Label | null;
}

/** An entry in words: the sentence, the readable field list, and how many fields had no label to show. */
export interface AuditDescription {
  summary: Label;
  changes: AuditChange[];
  unlabelledFields: number;
}

/** Names that one module gives to the records of one of its entity types (a case number, a masked name). */
export type RecordNamer = (
  executor: Executor,
  ids: readonly string[],
  options: { full: boolean },
) => Promise<Map<string, string>>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A code rather than words: lower-case ASCII with _ . : - (free text here is Chinese or has capitals/spaces). */
const codePattern = /^[a-z][a-z0-9_.:-]*$/;
const containsUuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const personFields = new Set(["personId", "headPersonId"]);
const departmentFields = new Set(["department", "departmentCode", "leadDepartment"]);
const townFields = new Set(["townCode"]);
/** Money fields shown in the sentence itself, first found first. */
const headlineMoney = ["totalFen", "amountFen", "rewardFen", "requestedFen", "budgetFen", "total_fen"];
/** Fields whose string value is a code of a dictionary group. */
const codedFields: Record<string, LabelGroup> = {
  relationship: "relationship",
  channel: "channel",
  fact: "pointsFact",
  status: "status",
  decision: "status",
};

/** "2026-03-02 14:05" in Asia/Shanghai. */
export function shanghaiMinute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** Fen as "3,895.00" (grouped, two decimals). */
export function groupedYuan(fen: number): string {
  const plain = fenToYuanString(fen);
  const negative = plain.startsWith("-");
  const [whole, cents] = (negative ? plain.slice(1) : plain).split(".");
  return `${negative ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

function both(text: string): Label {
  return { zh: text, en: text };
}

function isMoneyField(field: string): boolean {
  return /(Fen|_fen)$/.test(field);
}

/** Reads the names the description needs in a few queries per page: accounts, towns, departments, people, records. */
async function loadNames(
  executor: Executor,
  entries: readonly DescribableEntry[],
  namers: ReadonlyMap<string, RecordNamer>,
  full: boolean,
) {
  const actorIds = [...new Set(entries.map((entry) => entry.actorId).filter((id): id is string => !!id))];
  const accounts = actorIds.length
    ? await executor.selectFrom("accounts").select(["id", "display_name"]).where("id", "in", actorIds).execute()
    : [];
  const towns = await executor.selectFrom("towns").select(["code", "name"]).execute();
  const departments = await executor.selectFrom("departments").select(["code", "name"]).execute();
  const personIds = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (namers.has(entry.entityType)) {
      const ids = byType.get(entry.entityType) ?? new Set<string>();
      ids.add(entry.entityId);
      byType.set(entry.entityType, ids);
    }
    for (const side of [entry.before, entry.after]) {
      if (!side || typeof side !== "object" || Array.isArray(side)) continue;
      for (const [field, value] of Object.entries(side as Record<string, unknown>)) {
        if (personFields.has(field) && typeof value === "string" && uuidPattern.test(value)) personIds.add(value);
      }
    }
  }
  const records = new Map<string, Map<string, string>>();
  for (const [type, ids] of byType) records.set(type, await namers.get(type)!(executor, [...ids], { full }));
  const personNamer = namers.get("person");
  const persons = personNamer && personIds.size ? await personNamer(executor, [...personIds], { full }) : new Map();
  return {
    actors: new Map(accounts.map((account) => [account.id, account.display_name])),
    towns: new Map(towns.map((town) => [town.code, town.name])),
    departments: new Map(departments.map((department) => [department.code, department.name])),
    persons,
    records,
  };
}

type Names = Awaited<ReturnType<typeof loadNames>>;

/** A field value as people read it, or null when it names nothing a person can use (an id, an empty value). */
function readable(field: string, value: unknown, names: Names, full: boolean, entityType: string): Label | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };
  if (typeof value === "number") {
    if (isMoneyField(field) && Number.isSafeInteger(value)) return both(`${groupedYuan(value)}`);
    if (/Yuan$/.test(field) && Number.isFinite(value)) return both(groupedYuan(Math.round(value * 100)));
    return both(String(value));
  }
  if (typeof value === "string") {
    if (personFields.has(field)) {
      const name = names.persons.get(value);
      return name ? both(name) : null;
    }
    if (containsUuid.test(value)) return null;
    if (townFields.has(field)) return both(names.towns.get(value) ?? value);
    if (departmentFields.has(field)) return both(names.departments.get(value) ?? value);
    if (field === "state" || field === "status") {
      const label =
        (entityType === "assistance_case" ? findLabel("caseState", value) : undefined) ?? findLabel("status", value);
      if (label) return label;
    }
    const group = codedFields[field];
    if (group) {
      const label = findLabel(group, value);
      if (label) return label;
    }
    if (timestampPattern.test(value)) return both(shanghaiMinute(value));
    if (codePattern.test(value)) return codeLabel(value);
    const shown = full ? value : maskField(field, value);
    return both(shown.length > 80 ? `${shown.slice(0, 79)}…` : shown);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (value.every((item) => typeof item === "string" && !containsUuid.test(item))) {
      const labels = value.map((item) => (codePattern.test(item as string) ? codeLabel(item as string) : both(item)));
      if (labels.every((label) => label !== null))
        return { zh: labels.map((label) => label!.zh).join("、"), en: labels.map((label) => label!.en).join(", ") };
    }
    return { zh: `${value.length} 项`, en: `${value.length} items` };
  }
  if (typeof value === "object") {
    const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const label = findLabel("field", key);
      const shown = typeof item === "object" ? null : readable(key, item, names, full, entityType);
      if (!label || !shown) continue;
      parts.zh.push(`${label.zh} ${shown.zh}`);
      parts.en.push(`${label.en} ${shown.en}`);
    }
    return parts.zh.length ? { zh: parts.zh.join("，"), en: parts.en.join(", ") } : null;
  }
  return null;
}

/** A code found in a value: its label from the groups that label values, or null (left out rather than shown raw). */
function codeLabel(code: string): Label | null {
  return (
    findLabel("status", code) ??
    findLabel("factValue", code) ??
    findLabel("entityType", code) ??
    findLabel("channel", code) ??
    null
  );
}

function recordOf(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The reference that names the record in the sentence: the module's name for it, else a number or title it carries. */
function reference(entry: DescribableEntry, names: Names, full: boolean): string {
  const named = names.records.get(entry.entityType)?.get(entry.entityId);
  if (named) return named;
  const copy = recordOf(entry.after) ?? recordOf(entry.before) ?? {};
  for (const field of ["number", "reference", "title", "name", "username", "label", "month", "year"]) {
    const value = copy[field];
    if (typeof value === "number") return String(value);
    if (typeof value !== "string" || value === "" || uuidPattern.test(value) || codePattern.test(value)) continue;
    const shown = field === "name" && !full && entry.entityType === "person" ? maskName(value) : value;
    return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  }
  if (!uuidPattern.test(entry.entityId) && !codePattern.test(entry.entityId) && entry.entityId.length <= 40)
    return entry.entityId;
  return "";
}

/** The verb of an action: its label, a generic "viewed" for reads, a generic "handled" otherwise (never the code). */
function verb(action: string): Label {
  return (
    findLabel("action", action) ??
    (action.endsWith(".read") ? { zh: "查看了", en: "viewed" } : { zh: "处理了", en: "handled" })
  );
}

function describeOne(entry: DescribableEntry, names: Names, full: boolean): AuditDescription {
  const actorName = entry.actorId ? names.actors.get(entry.actorId) : undefined;
  const actor: Label = actorName
    ? both(actorName)
    : (findLabel("actor", entry.actorUsername ?? "system") ??
      (entry.actorUsername ? both(entry.actorUsername) : { zh: "系统", en: "The system" }));
  const when = shanghaiMinute(entry.at);
  const action = verb(entry.action);
  const entity = findLabel("entityType", entry.entityType) ?? { zh: "记录", en: "record" };
  const ref = reference(entry, names, full);
  const before = recordOf(entry.before);
  const after = recordOf(entry.after);
  const money = headlineMoney.find((field) => typeof after?.[field] === "number");
  const moneyLabel = money ? findLabel("field", money) : undefined;
  const amount =
    money && moneyLabel
      ? {
          zh: `，${moneyLabel.zh.replace(/（元）$/, "")} ${groupedYuan(after![money] as number)} 元`,
          en: `, ${moneyLabel.en.replace(/ \(yuan\)$/, "")} ${groupedYuan(after![money] as number)} yuan`,
        }
      : { zh: "", en: "" };
  const summary: Label = {
    zh: `${actor.zh} 于 ${when} ${action.zh} ${entity.zh}${ref ? ` ${ref}` : ""}${amount.zh}`,
    en: `${actor.en} ${action.en} ${entity.en}${ref ? ` ${ref}` : ""}${amount.en} on ${when}`,
  };

  const fields = before
    ? [...new Set([...Object.keys(before), ...Object.keys(after ?? {})])].filter(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(after?.[field]),
      )
    : Object.keys(after ?? {});
  const changes: AuditChange[] = [];
  let unlabelledFields = 0;
  for (const field of fields) {
    if (field === "id") continue;
    const label =
      (entry.entityType === "assistance_case" ? findLabel("assistanceDetail", field) : undefined) ??
      (field === "name" && entry.entityType === "person" ? { zh: "姓名", en: "Name" } : undefined) ??
      findLabel("field", field);
    const was = before ? readable(field, before[field], names, full, entry.entityType) : null;
    const now = readable(field, after?.[field], names, full, entry.entityType);
    if (!was && !now) continue;
    if (!label) {
      unlabelledFields += 1;
      continue;
    }
    changes.push({ field, label, before: was, after: now });
  }
  return { summary, changes, unlabelledFields };
}

/** The platform's own records: an account by its username. */
const platformRecordNames: Record<string, RecordNamer> = {
  account: async (executor, ids) => {
    const rows = await executor
      .selectFrom("accounts")
      .select(["id", "username"])
      .where("id", "in", [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, row.username]));
  },
};

/** Every module's record namers in one table, entity type → namer (see `ModuleManifest.recordNames`). */
export function recordNamesOf(modules: readonly ModuleManifest[]): Record<string, RecordNamer> {
  return Object.assign({}, platformRecordNames, ...modules.map((module) => module.recordNames ?? {}));
}

/**
 * Describes a page of entries. `recordNames` name the records (a case number, a masked name); `full` says
 * whether the caller sees personal data in full (otherwise names, ID numbers, phones… are masked).
 */
export async function describeAuditEntries(
  executor: Executor,
  entries: readonly DescribableEntry[],
  recordNames: Readonly<Record<string, RecordNamer>>,
  full: boolean,
): Promise<AuditDescription[]> {
  const names = await loadNames(executor, entries, new Map(Object.entries(recordNames)), full);
  return entries.map((entry) => describeOne(entry, names, full));
}

/** The label of an entity type, for the audit filter (the code itself only when the dictionary lacks it). */
export function entityTypeLabel(type: string): Label {
  return { zh: labelOf("entityType", type, "zh"), en: labelOf("entityType", type, "en") };
}
