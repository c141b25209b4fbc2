import { describe, expect, it } from "vitest";
import { localText } from "./bilingual";

describe("localText", () => {
  it("keeps the half of the user's language", () => {
    expect(localText("事项转交期限 (forward to the department by)", "zh-CN")).toBe("事项转交期限");
    expect(localText("事项转交期限 (forward to the department by)", "en")).toBe("forward to the department by");
  });

  it("keeps a cited clause with either half, and nested English parentheses", () => {
    expect(localText("不受理 (outside the window)（中府〔2014〕106号 第九条）", "zh-CN")).toBe(
      "不受理（中府〔2014〕106号 第九条）",
    );
    expect(localText("公积金缴交月数 (Months of contributions (provident fund))", "en")).toBe(
      "Months of contributions (provident fund)",
    );
  });

  it("leaves a text alone when it is not Chinese followed by English", () => {
    expect(localText("社区议事厅（二期）", "en")).toBe("社区议事厅（二期）");
    expect(localText("石岐区 (石岐)", "en")).toBe("石岐区 (石岐)");
    expect(localText("签订服务合同：长者助餐 (contract signed: 长者助餐)", "en")).toBe("contract signed: 长者助餐");
    expect(localText("Plain English (really)", "zh-CN")).toBe("Plain English (really)");
  });
});
