/** Drops empty optional values so the server sees only what the user filled in. */
export function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ""));
}

/** The fields whose value differs from the record as loaded, so a PATCH sends only real changes. */
export function changedValues(original: object, values: Record<string, unknown>): Record<string, unknown> {
  const before = original as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => (value ?? null) !== (before[key] ?? null) && !(value === "" && before[key] == null)),
  );
}
