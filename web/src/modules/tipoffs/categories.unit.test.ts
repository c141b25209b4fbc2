import { describe, expect, it } from "vitest";
import { changedCategoryFields } from "./categories";

const current = {
  name: "违法建设",
  description: "未经批准的建筑",
  departmentCode: "urban_management",
  public: true,
  investigationDays: 15,
  active: true,
};

describe("changedCategoryFields", () => {
  it("sends only the fields the form changed", () => {
    expect(changedCategoryFields(current, { ...current, departmentCode: "housing", active: false })).toEqual({
      departmentCode: "housing",
      active: false,
    });
    expect(changedCategoryFields(current, { ...current })).toEqual({});
  });

  it("sends an emptied description as an empty string, and false and 0-like values as changes", () => {
    expect(changedCategoryFields(current, { ...current, description: undefined, public: false })).toEqual({
      description: "",
      public: false,
    });
  });
});
