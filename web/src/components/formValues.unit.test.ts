import { describe, expect, it } from "vitest";
import { changedValues, withoutEmpty } from "./formValues";

describe("withoutEmpty", () => {
  it("drops undefined, null and empty strings but keeps false and 0", () => {
    expect(
      withoutEmpty({ name: "张三", phone: "", communityId: undefined, address: null, disabled: false, count: 0 }),
    ).toEqual({
      name: "张三",
      disabled: false,
      count: 0,
    });
  });
});

describe("changedValues", () => {
  const person = { name: "张三", phone: null, address: "石岐区 1 号", version: 3 };

  it("keeps only the fields that differ from the record as loaded", () => {
    expect(changedValues(person, { name: "张三", phone: undefined, address: "石岐区 2 号" })).toEqual({
      address: "石岐区 2 号",
    });
  });

  it("treats an untouched empty field as no change, a newly filled one as a change", () => {
    expect(changedValues(person, { phone: "" })).toEqual({});
    expect(changedValues(person, { phone: "13812345678" })).toEqual({ phone: "13812345678" });
  });

  it("sends a cleared field as null", () => {
    expect(changedValues({ phone: "13812345678" }, { phone: "" })).toEqual({ phone: null });
    expect(changedValues({ communityId: "c1" }, { communityId: undefined })).toEqual({ communityId: null });
  });
});
