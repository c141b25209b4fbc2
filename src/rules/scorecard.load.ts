/**
 * Reads a scorecard YAML file into a `ScorecardVersion`, reporting every structural problem with its file
 * and path: unknown keys, missing legal references, negative caps, duplicate indicators, unknown facts.
 */
import { parse as parseYaml } from "yaml";
import { err, ok, type Result } from "../core/result";
import { join, PolicyChecker, type Plain } from "./policy.checker";
import {
  POLICY_STATUSES,
  type FactDefinition,
  type FactType,
  type GroupDefinition,
  type IndicatorDefinition,
  type IndicatorKind,
  type PolicyProblem,
  type PurposeDefinition,
  type ScorecardVersion,
} from "./scorecard.types";

const FACT_TYPES: readonly FactType[] = ["enum", "count", "boolean", "date", "yuan", "decimal", "counts"];
const KINDS: readonly IndicatorKind[] = [
  "enum",
  "per_unit",
  "extra",
  "boolean",
  "tiered",
  "age_range",
  "condition",
  "formula",
];
const LABELS = ["zh", "en"] as const;
const INDICATOR_KEYS: Record<IndicatorKind, string[]> = {
  enum: ["fact", "points"],
  per_unit: ["fact", "unit", "points"],
  extra: ["fact", "unit", "points", "base"],
  boolean: ["fact", "points"],
  tiered: ["fact", "tiers"],
  age_range: ["fact", "minimum", "maximum", "points"],
  condition: ["condition", "points"],
  formula: ["expression"],
};

/** Parses and checks the text of a scorecard file. */
export function readScorecard(text: string, file: string, folder: string): Result<ScorecardVersion, PolicyProblem[]> {
  const checker = new PolicyChecker(file);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    checker.report("invalid_yaml", "", error instanceof Error ? error.message : String(error));
    return err(checker.problems);
  }
  const top = checker.object(
    data,
    "",
    [
      "id",
      "family",
      "kind",
      "title",
      "status",
      "effective",
      "reference",
      "purposes",
      "subscores",
      "facts",
      "indicators",
    ],
    ["grades", "multiplier", "tables", "variables", "groups", "description"],
  );
  if (!top) return err(checker.problems);
  const version = readTop(top, checker, file, folder);
  return checker.problems.length > 0 || !version ? err(checker.problems) : ok(version);
}

function readTop(top: Plain, checker: PolicyChecker, file: string, folder: string): ScorecardVersion | undefined {
  const id = checker.text(top.id, "id");
  const family = checker.text(top.family, "family");
  if (id && family && !id.startsWith(`${family}-`))
    checker.report("invalid_value", "id", `must start with the family "${family}-"`);
  if (top.kind !== "points") checker.report("invalid_value", "kind", `must be "points"`);
  const title = checker.object(top.title, "title", LABELS);
  const status = checker.word(top.status, "status", POLICY_STATUSES);
  const effectivePlain = checker.object(top.effective, "effective", ["from"], ["to"]);
  const from = checker.date(effectivePlain?.from, "effective.from");
  const to = checker.date(effectivePlain?.to, "effective.to");
  if (from && to && to < from) checker.report("invalid_period", "effective.to", "ends before it starts");
  const reference = checker.text(top.reference, "reference");
  const purposes = readPurposes(top.purposes, checker);
  const facts = readFacts(top.facts, checker);
  const factNames = new Set(facts.map((fact) => fact.name));
  const subscores = (checker.list(top.subscores, "subscores") ?? []).flatMap((item, index) => {
    const plain = checker.object(item, join("subscores", index), ["id", "zh", "en"]);
    return plain ? [{ id: String(plain.id), zh: String(plain.zh), en: String(plain.en) }] : [];
  });
  let grades = { values: [] as string[], purpose: "" };
  if (top.grades !== undefined) {
    const plain = checker.object(top.grades, "grades", ["values", "purpose", "reference"]);
    grades = { values: checker.words(plain?.values, "grades.values") ?? [], purpose: String(plain?.purpose ?? "") };
    if (plain && !purposes.some((purpose) => purpose.name === grades.purpose))
      checker.report("unknown_purpose", "grades.purpose", `unknown purpose "${grades.purpose}"`);
  }
  let multiplier: ScorecardVersion["multiplier"];
  if (top.multiplier !== undefined) {
    const plain = checker.object(top.multiplier, "multiplier", ["factor", "when", "zh", "en", "reference"]);
    const factor = checker.points(plain?.factor, "multiplier.factor");
    if (plain && factor !== undefined)
      multiplier = {
        factor,
        when: String(plain.when),
        zh: String(plain.zh),
        en: String(plain.en),
        reference: String(plain.reference),
      };
  }
  const tables = (checker.list(top.tables, "tables") ?? []).flatMap((item, index) => {
    const path = join("tables", index);
    const plain = checker.object(item, path, ["name", "fact", "entries"]);
    if (!plain) return [];
    const entries = readPointsMap(plain.entries, join(path, "entries"), checker);
    if (!factNames.has(String(plain.fact)))
      checker.report("unknown_fact", join(path, "fact"), `unknown fact "${String(plain.fact)}"`);
    return [{ name: String(plain.name), enumFact: String(plain.fact), entries }];
  });
  const variables = (checker.list(top.variables, "variables") ?? []).flatMap((item, index) => {
    const plain = checker.object(item, join("variables", index), ["name", "expression"], ["zh", "en"]);
    return plain ? [{ name: String(plain.name), expression: String(plain.expression) }] : [];
  });
  const purposeNames = purposes.map((purpose) => purpose.name);
  const indicators = readIndicators(
    top.indicators,
    checker,
    factNames,
    purposeNames,
    new Set(subscores.map((subscore) => subscore.id)),
  );
  const groups = readGroups(top.groups, checker, indicators);
  if (!id || !family || !title || !status || !from || !reference) return undefined;
  return {
    id,
    family,
    kind: "points",
    title: { zh: String(title.zh), en: String(title.en) },
    status,
    effective: to ? { from, to } : { from },
    reference,
    purposes,
    grades,
    subscores,
    multiplier,
    facts,
    tables,
    variables,
    indicators,
    groups,
    folder,
    file,
  };
}

function readPurposes(value: unknown, checker: PolicyChecker): PurposeDefinition[] {
  const plain = checker.mapping(value, "purposes") ?? {};
  const purposes: PurposeDefinition[] = [];
  for (const [name, item] of Object.entries(plain)) {
    const path = join("purposes", name);
    const definition = checker.object(item, path, ["threshold", "zh", "en", "reference"]);
    const threshold = checker.cap(definition?.threshold, join(path, "threshold"));
    if (definition && threshold !== undefined) {
      purposes.push({
        name,
        threshold,
        zh: String(definition.zh),
        en: String(definition.en),
        reference: String(definition.reference),
      });
    }
  }
  if (purposes.length === 0) checker.report("missing_key", "purposes", "declares no purpose");
  return purposes;
}

function readFacts(value: unknown, checker: PolicyChecker): FactDefinition[] {
  const plain = checker.mapping(value, "facts") ?? {};
  const facts: FactDefinition[] = [];
  for (const [name, item] of Object.entries(plain)) {
    const path = join("facts", name);
    const definition = checker.object(item, path, ["type"], ["values", "fields", "subset_of", "zh", "en"]);
    if (!definition) continue;
    const type = checker.word(definition.type, join(path, "type"), FACT_TYPES);
    if (!type) continue;
    const fact: FactDefinition = {
      name,
      type,
      zh: definition.zh as string | undefined,
      en: definition.en as string | undefined,
    };
    if (type === "enum") {
      fact.values = checker.words(definition.values, join(path, "values"));
      if (!fact.values?.length) checker.report("missing_key", join(path, "values"), "an enum needs its values");
    } else if (definition.values !== undefined)
      checker.report("unknown_key", join(path, "values"), `only an enum has values`);
    if (type === "counts") {
      fact.fields = checker.words(definition.fields, join(path, "fields"));
      if (!fact.fields?.length) checker.report("missing_key", join(path, "fields"), "a counts object needs its fields");
    } else if (definition.fields !== undefined)
      checker.report("unknown_key", join(path, "fields"), `only a counts object has fields`);
    if (definition.subset_of !== undefined)
      fact.subsetOf = checker.words(definition.subset_of, join(path, "subset_of"));
    facts.push(fact);
  }
  for (const fact of facts) {
    for (const whole of fact.subsetOf ?? []) {
      const target = facts.find((candidate) => candidate.name === whole);
      const path = join(join("facts", fact.name), "subset_of");
      if (!target) checker.report("unknown_fact", path, `unknown fact "${whole}"`);
      else if (target.type !== fact.type || (fact.fields ?? []).join() !== (target.fields ?? []).join()) {
        checker.report("invalid_subset", path, `"${fact.name}" and "${whole}" must have the same type`);
      }
    }
  }
  return facts;
}

function readPointsMap(value: unknown, path: string, checker: PolicyChecker): Record<string, number> {
  const plain = checker.mapping(value, path) ?? {};
  const result: Record<string, number> = {};
  for (const [key, item] of Object.entries(plain)) {
    const hundredths = checker.points(item, join(path, key));
    if (hundredths !== undefined) result[key] = hundredths;
  }
  return result;
}

function readIndicators(
  value: unknown,
  checker: PolicyChecker,
  factNames: Set<string>,
  purposes: string[],
  subscores: Set<string>,
): IndicatorDefinition[] {
  const indicators: IndicatorDefinition[] = [];
  const seen = new Set<string>();
  (checker.list(value, "indicators") ?? []).forEach((item, index) => {
    const path = join("indicators", index);
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      checker.report("invalid_type", path, "must be a mapping");
      return;
    }
    const head = item as Plain;
    const kind = checker.word(head.kind, join(path, "kind"), KINDS);
    if (!kind) return;
    const common = ["id", "zh", "en", "reference", "kind", "section"];
    const plain = checker.object(
      item,
      path,
      [...common, ...INDICATOR_KEYS[kind]],
      ["cap", "when", "purposes", "except", "subscore", "description"],
    );
    if (!plain) return;
    const id = String(plain.id);
    if (seen.has(id)) checker.report("duplicate_indicator", join(path, "id"), `indicator "${id}" is declared twice`);
    seen.add(id);
    const section = checker.word(plain.section, join(path, "section"), ["basic", "bonus", "deduction"] as const);
    const subscore = checker.text(plain.subscore, join(path, "subscore"));
    if (subscore && !subscores.has(subscore))
      checker.report("unknown_subscore", join(path, "subscore"), `unknown sub-score "${subscore}"`);
    if (section === "basic" && !subscore)
      checker.report("missing_key", join(path, "subscore"), `a basic indicator names its sub-score`);
    const fact = checker.text(plain.fact, join(path, "fact"));
    if (fact && !factNames.has(fact)) checker.report("unknown_fact", join(path, "fact"), `unknown fact "${fact}"`);
    const listed = checker.words(plain.purposes, join(path, "purposes"));
    const except = checker.words(plain.except, join(path, "except")) ?? [];
    for (const name of [...(listed ?? []), ...except]) {
      if (!purposes.includes(name))
        checker.report("unknown_purpose", join(path, "purposes"), `unknown purpose "${name}"`);
    }
    const indicator: IndicatorDefinition = {
      id,
      zh: String(plain.zh),
      en: String(plain.en),
      reference: String(plain.reference),
      kind,
      section: section ?? "bonus",
      subscore,
      fact,
      purposes: (listed ?? purposes).filter((name) => !except.includes(name)),
      cap: checker.cap(plain.cap, join(path, "cap")),
      when: plain.when === undefined ? undefined : String(plain.when),
    };
    if (kind === "enum") indicator.points = readPointsMap(plain.points, join(path, "points"), checker);
    else if (plain.points !== undefined) indicator.points = checker.points(plain.points, join(path, "points"));
    if (plain.unit !== undefined) indicator.unit = checker.points(plain.unit, join(path, "unit"));
    if (indicator.unit !== undefined && indicator.unit <= 0)
      checker.report("invalid_value", join(path, "unit"), "must be above zero");
    if (kind === "extra") indicator.base = String(plain.base);
    if (kind === "age_range") {
      indicator.minimum = checker.points(plain.minimum, join(path, "minimum"));
      indicator.maximum = checker.points(plain.maximum, join(path, "maximum"));
    }
    if (kind === "tiered") {
      indicator.tiers = (checker.list(plain.tiers, join(path, "tiers")) ?? []).map((tier, tierIndex) => {
        const tierPath = join(join(path, "tiers"), tierIndex);
        const tierPlain = checker.object(tier, tierPath, ["from", "points"]) ?? {};
        return {
          from: checker.points(tierPlain.from, join(tierPath, "from")) ?? 0,
          points: checker.points(tierPlain.points, join(tierPath, "points")) ?? 0,
        };
      });
    }
    if (kind === "condition") indicator.condition = String(plain.condition);
    if (kind === "formula") indicator.expression = String(plain.expression);
    indicators.push(indicator);
  });
  for (const [index, indicator] of indicators.entries()) {
    if (indicator.kind !== "extra") continue;
    const base = indicators.find((candidate) => candidate.id === indicator.base);
    if (!base)
      checker.report(
        "unknown_indicator",
        join(join("indicators", index), "base"),
        `unknown indicator "${indicator.base}"`,
      );
  }
  return indicators;
}

function readGroups(value: unknown, checker: PolicyChecker, indicators: IndicatorDefinition[]): GroupDefinition[] {
  const grouped = new Set<string>();
  return (checker.list(value, "groups") ?? []).flatMap((item, index) => {
    const path = join("groups", index);
    const plain = checker.object(item, path, ["id", "kind", "members", "zh", "en", "reference"], ["cap"]);
    if (!plain) return [];
    const kind = checker.word(plain.kind, join(path, "kind"), ["highest", "shared_cap"] as const);
    const members = checker.words(plain.members, join(path, "members")) ?? [];
    const cap = checker.cap(plain.cap, join(path, "cap"));
    if (kind === "shared_cap" && cap === undefined)
      checker.report("missing_key", join(path, "cap"), "a shared cap needs its cap");
    const found = members.map((member) => indicators.find((indicator) => indicator.id === member));
    members.forEach((member, memberIndex) => {
      if (!found[memberIndex])
        checker.report("unknown_indicator", join(path, "members"), `unknown indicator "${member}"`);
      if (grouped.has(member))
        checker.report("duplicate", join(path, "members"), `indicator "${member}" is already in another group`);
      grouped.add(member);
    });
    const sections = new Set(found.map((indicator) => `${indicator?.section}/${indicator?.subscore ?? ""}`));
    if (sections.size > 1)
      checker.report("invalid_group", join(path, "members"), "members must share their section and sub-score");
    if (!kind) return [];
    return [
      {
        id: String(plain.id),
        kind,
        members,
        cap,
        zh: String(plain.zh),
        en: String(plain.en),
        reference: String(plain.reference),
      },
    ];
  });
}
