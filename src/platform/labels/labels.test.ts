// The code dictionary covers what the code base writes: every audit entity type and action named in the source,
// every points fact of every policy version (with the policy's own Chinese label) and every value of an enum fact.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HOUSEHOLD_FORMULAS } from "../../rules/assistance/formulas/registry";
import { loadAllVersions } from "../../rules/policy.registry";
import { OUTCOME_NAMES } from "../../modules/points/allocation/allocation.columns";
import { codeLabels, findLabel, labelOf } from "./labels";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const source = sourceFiles(join(process.cwd(), "src"))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

describe("the code dictionary", () => {
  it("labels every entity type the source writes to the audit log", () => {
    const types = new Set([...source.matchAll(/entityType: "([a-z_0-9]+)"/g)].map((match) => match[1]));
    expect(types.size).toBeGreaterThan(30);
    expect([...types].filter((type) => !findLabel("entityType", type))).toEqual([]);
  });

  it("labels every audit action the source names, and every case step an action is made of", () => {
    const actions = new Set([...source.matchAll(/action: "([a-z_0-9.]+)"/g)].map((match) => match[1]));
    expect(actions.size).toBeGreaterThan(80);
    expect([...actions].filter((action) => !findLabel("action", action))).toEqual([]);
    // assistance.case.<step> is written from the step's kind
    const steps = Object.keys(codeLabels.assistanceStep);
    expect(steps.filter((step) => !findLabel("action", `assistance.case.${step}`))).toEqual([]);
  });

  it("labels every fact of every points policy, in the policy's own Chinese, and every enum value", () => {
    const plans = loadAllVersions();
    if (!plans.ok) throw new Error("policies do not load");
    const missing: string[] = [];
    for (const plan of plans.value) {
      if (!plan.version.id.includes("points")) continue;
      for (const fact of plan.version.facts) {
        const label = findLabel("pointsFact", fact.name);
        if (!label) missing.push(`${plan.version.id}: ${fact.name}`);
        else if (fact.zh && label.zh !== fact.zh) missing.push(`${fact.name}: ${label.zh} ≠ ${fact.zh}`);
        for (const value of fact.values ?? []) if (!findLabel("factValue", value)) missing.push(`value ${value}`);
      }
    }
    expect(missing).toEqual([]);
    expect(labelOf("pointsFact", "education")).toBe("文化程度");
  });

  it("words every reference of the assistance policy, and its formulas, in Chinese", () => {
    const folder = join(process.cwd(), "policies", "zhongshan", "assistance", "parameters");
    const references = new Set<string>(HOUSEHOLD_FORMULAS.map((formula) => formula.reference));
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "reference" && typeof value === "string") references.add(value.trim());
          else collect(value);
        }
      }
    };
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".yaml")))
      collect(parse(readFileSync(join(folder, file), "utf8")));
    expect(references.size).toBeGreaterThan(20);
    expect([...references].filter((reference) => !findLabel("assistanceReference", reference))).toEqual([]);
    for (const formula of HOUSEHOLD_FORMULAS) expect(findLabel("assistanceFormula", formula.name)).toBeDefined();
  });

  it("labels every ranking outcome the allocation writes, in both languages", () => {
    expect(Object.keys(codeLabels.rankingOutcome).sort()).toEqual([...OUTCOME_NAMES].sort());
    expect(labelOf("rankingOutcome", "not_admitted")).toBe("未获指标");
    expect(labelOf("rankingOutcome", "refused_property_used", "en")).toBe("Property already used");
  });
});
