import { describe, expect, it } from "vitest";
import { localiseMessage, localiseRefusal, requestLanguage, validationFields } from "./validation-messages";

describe("requestLanguage", () => {
  it("reads the first language asked, zh or en; none means both", () => {
    expect(requestLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(requestLanguage("en-US,en;q=0.9")).toBe("en");
    expect(requestLanguage("fr;q=0.5,en;q=0.9")).toBe("en");
    expect(requestLanguage(undefined)).toBe("both");
  });
});

describe("localising refusals", () => {
  it("splits 中文 (English), keeping a cited clause, and drops a developer's field prefix", () => {
    const message = "child: 本周期不受理 (outside the window)（中府〔2014〕106号 第九条）";
    expect(localiseMessage(message, "zh")).toBe("本周期不受理（中府〔2014〕106号 第九条）");
    expect(localiseMessage(message, "en")).toBe("outside the window （中府〔2014〕106号 第九条）");
    expect(localiseMessage(message, "both")).toBe(message);
  });

  it("gives an English-only refusal a Chinese sentence naming the field by its label", () => {
    expect(
      localiseRefusal('facts.residence_permit_years: "x" is not a real date YYYY-MM-DD', "zh", {
        code: "invalid_date",
        field: "facts.residence_permit_years",
      }),
    ).toBe("居住证年限不是有效的日期，请按“年-月-日”填写，例如 2026-03-01");
    expect(localiseRefusal("assetsYuan 不能为负数 (must not be negative)", "zh", { field: "assetsYuan" })).toBe(
      "家庭财产（元）不能为负数",
    );
  });

  it("translates schema keywords with numbers and nested labels", () => {
    const fields = validationFields([
      { instancePath: "/members/1/monthlyIncomeYuan", keyword: "type", params: { type: "string" } },
      { instancePath: "/members/1/monthlyIncomeYuan", keyword: "maxLength", params: { limit: 20 } },
      { instancePath: "/members/1/monthlyIncomeYuan", keyword: "anyOf", params: {} },
      { instancePath: "", keyword: "additionalProperties", params: { additionalProperty: "extra" } },
      { instancePath: "/payeeName", keyword: "minLength", params: { limit: 1 } },
    ]);
    expect(fields["members.1.monthlyIncomeYuan"]).toEqual({
      zh: "第2位成员的月收入（元）不能超过20个字，请删减后再提交",
      en: "Monthly income (yuan) of member 2 must be at most 20 characters: please shorten it",
    });
    expect(fields.extra?.zh).toBe("提交了表单中没有的项目（extra），请刷新页面后重试");
    expect(fields.payeeName?.zh).toBe("收款人姓名不能为空，请填写");
  });
});
