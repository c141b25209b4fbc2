import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone } from "./masking";

describe("maskName", () => {
  it("keeps the demo's mark after a name and masks the name; other brackets are masked too", () => {
    expect(maskName("王五（曾用名王伍）")).toBe("王*******）");
    expect(maskName("李某某家庭（示例）")).toBe("李***庭（示例）");
    expect(maskName("张三明（示例）")).toBe("张*明（示例）");
    // Brackets alone are no remark: masked like any text.
    expect(maskName("（示例）")).toBe("（**）");
  });

  it("masks 2-, 3- and 4-character names keeping first and last", () => {
    expect(maskName("李四")).toBe("李*");
    expect(maskName("张三明")).toBe("张*明");
    expect(maskName("欧阳小明")).toBe("欧**明");
    expect(maskName("司马相如")).toBe("司**如");
  });
  it("handles single characters, spaces, rare characters and Latin names", () => {
    expect(maskName("王")).toBe("王");
    expect(maskName(" 李四 ")).toBe("李*");
    expect(maskName("𠮷祥")).toBe("𠮷*");
    expect(maskName("𠮷大𠮷")).toBe("𠮷*𠮷");
    expect(maskName("John Smith")).toBe("J***");
    expect(maskName("")).toBe("");
  });
});

describe("maskIdNumber", () => {
  it("keeps the first and last 4 of 18 characters", () => {
    const masked = maskIdNumber("44200019900101123x");
    expect(masked).toBe("4420**********123X");
    expect(masked).toHaveLength(18);
  });
  it("masks short values entirely", () => {
    expect(maskIdNumber("1234")).toBe("****");
    expect(maskIdNumber("442000199")).toBe("4420*0199");
  });
});

describe("maskPhone", () => {
  it("masks mobiles", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
  });
  it("masks landlines keeping area code and last 2", () => {
    expect(maskPhone("0760-88888812")).toBe("0760-******12");
    expect(maskPhone("010 6234567")).toBe("010-*****67");
  });
  it("masks unrecognised numbers all but the last 2", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("1")).toBe("*");
  });
});
