import { describe, expect, it } from "vitest";
import { labelFor, vocabularyFrom } from "./usePointsLabels";

const facts = {
  facts: [
    { name: "education", zh: "文化程度" },
    { name: "residence_permit_years", zh: "办理居住证年限" },
    { name: "birth_date", zh: "出生日期" },
  ],
};
const check = {
  results: {
    school: {
      steps: [
        { indicator: "education", zh: "文化程度", en: "Education (highest level only)", facts: { education: null } },
        {
          indicator: "residence_permit",
          zh: "居住证",
          en: "Residence permit, per year",
          facts: { residence_permit_years: 2 },
        },
        { indicator: "age", zh: "年龄", en: "Age", facts: { birth_date: null, marital_status: null } },
      ],
    },
  },
};

describe("points vocabulary", () => {
  it("names facts in Chinese and, through the one indicator reading them, in English", () => {
    const labels = vocabularyFrom(facts, check);
    expect(labelFor(labels, "residence_permit_years", false)).toBe("办理居住证年限");
    expect(labelFor(labels, "residence_permit_years", true)).toBe("Residence permit, per year");
    expect(labelFor(labels, "education", true)).toBe("Education (highest level only)");
    expect(labelFor(labels, "residence_permit", false)).toBe("居住证");
  });

  it("takes the code dictionary's English when the policy has none, and the code only when nothing names it", () => {
    const labels = vocabularyFrom(facts, null);
    expect(labelFor(labels, "birth_date", true)).toBe("Date of birth");
    expect(labelFor(vocabularyFrom(facts, check), "birth_date", true)).toBe("Date of birth");
    expect(labelFor(new Map(), "education", false)).toBe("文化程度");
    expect(labelFor(labels, "unknown_code", false)).toBe("unknown_code");
  });
});
