import { describe, expect, it } from "vitest";
import { fieldsOfSchool, schoolInput } from "./schools.fields";

describe("schools field messages", () => {
  it("keeps only the messages of the asked school, by bare field name", () => {
    const fields = {
      "schools.3.townCode": "未知镇区",
      "schools.1.seats": "too many",
      "/schools/3/seats": "must be >= 0",
      schools: "duplicate",
    };
    expect(fieldsOfSchool(fields, 3)).toEqual({ townCode: "未知镇区", seats: "must be >= 0" });
    expect(fieldsOfSchool(fields, 1)).toEqual({ seats: "too many" });
    expect(fieldsOfSchool(fields, 0)).toEqual({});
  });

  it("drops the id when a school goes back to the API", () => {
    expect(
      schoolInput({
        id: "a",
        name: "石岐一小",
        townCode: "shiqi",
        grade: "primary_1",
        seats: 40,
        x: 1,
        y: 2,
        synthetic: true,
      }),
    ).toEqual({ name: "石岐一小", townCode: "shiqi", grade: "primary_1", seats: 40, x: 1, y: 2, synthetic: true });
  });
});
