// The schools of a cycle as the API gives them, and the per-school field messages of a refused PUT.
import type { ApiResponse } from "../../api/schema";

/** A school of a cycle (GET /points/cycles/:id/quotas → schools). */
export type School = ApiResponse<"/points/cycles/{id}/quotas">["schools"][number];

/** One school as PUT /points/cycles/:id/schools takes it. */
export type SchoolInput = Omit<School, "id">;

/** The body shape of a school, dropping the id the PUT does not accept. */
export function schoolInput(school: School): SchoolInput {
  return {
    name: school.name,
    townCode: school.townCode,
    grade: school.grade,
    seats: school.seats,
    x: school.x,
    y: school.y,
    synthetic: school.synthetic,
  };
}

/**
 * The messages of one school out of the API's field map: the PUT names fields `schools.<index>.<field>`
 * (or `/schools/<index>/<field>` from schema validation); the answer is keyed by the bare field name.
 */
export function fieldsOfSchool(fields: Record<string, string>, index: number): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const parts = key
      .replace(/^\/+/, "")
      .replace(/^body[./]/, "")
      .split(/[./]/);
    if (parts.length >= 3 && parts[0] === "schools" && Number(parts[1]) === index)
      found[parts.slice(2).join(".")] = message;
  }
  return found;
}
