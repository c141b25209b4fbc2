import { describe, expect, it } from "vitest";
import { relationships } from "../modules/registry/relationships";
import { codeDictionary, codeLabel, codeMessages } from "./codes";

const han = /\p{Script=Han}/u;

describe("the code dictionary", () => {
  it("gives every code a Chinese and an English label", () => {
    const missing: string[] = [];
    for (const [group, labels] of Object.entries(codeDictionary)) {
      for (const [code, label] of Object.entries(labels)) {
        if (!label.zh?.trim() || !han.test(label.zh)) missing.push(`${group}.${code} (zh: ${label.zh})`);
        if (!label.en?.trim() || (group !== "assistanceReference" && han.test(label.en)))
          missing.push(`${group}.${code} (en: ${label.en})`);
        if (code.includes("_") && label.en === code) missing.push(`${group}.${code} (the English label is the code)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("labels the codes the screens list: relationships, case steps, indicator values", () => {
    for (const relationship of relationships) expect(codeDictionary.relationship).toHaveProperty(relationship);
    for (const code of ["head", "submitted", "town_opinion", "counter", "education", "bachelor_or_above"]) {
      const found = Object.values(codeDictionary).some((labels) => code in labels);
      expect(found, code).toBe(true);
    }
    expect(codeLabel("pointsFact", "education", "zh-CN")).toBe("文化程度");
    expect(codeLabel("factValue", "bachelor_or_above", "zh-CN")).toBe("本科及以上");
    expect(codeLabel("assistanceStep", "town_opinion", "en")).toBe("Town opinion");
    expect(codeLabel("channel", "counter", "zh-CN")).toBe("窗口受理");
  });

  it("feeds both languages' i18n resources with the same codes", () => {
    const zh = codeMessages("zh-CN") as { code: Record<string, Record<string, string>> };
    const en = codeMessages("en") as { code: Record<string, Record<string, string>> };
    for (const group of Object.keys(codeDictionary)) {
      expect(Object.keys(zh.code[group]).sort()).toEqual(Object.keys(en.code[group]).sort());
    }
    expect((codeMessages("zh-CN").relationship as Record<string, string>).head).toBe("户主");
    expect((codeMessages("en").entityType as Record<string, string>).assistance_case).toBe("dibao case");
  });
});
