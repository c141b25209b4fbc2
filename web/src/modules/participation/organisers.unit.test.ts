import { describe, expect, it } from "vitest";
import { accountOptions } from "./organisers";

describe("accountOptions", () => {
  const accounts = [
    { id: "a1", username: "organiser", displayName: "王组织", disabled: false },
    { id: "a2", username: "organiser.two", displayName: "", disabled: false },
    { id: "a3", username: "organiser.old", displayName: "李旧", disabled: true },
  ];

  it("labels by display name and username, and sends the username", () => {
    const options = accountOptions(accounts, []);
    expect(options.map((option) => [option.value, option.label])).toEqual([
      ["organiser", "王组织 (organiser)"],
      ["organiser.two", "organiser.two"],
      ["organiser.old", "李旧 (organiser.old)"],
    ]);
  });

  it("keeps already-assigned and disabled accounts visible but not choosable, with the reason", () => {
    const options = accountOptions(accounts, ["a1"]);
    expect(options.map((option) => [option.disabled, option.reason])).toEqual([
      [true, "assigned"],
      [false, null],
      [true, "disabled"],
    ]);
  });
});
