/** Drops empty optional values so the server sees only what the user filled in. */
export function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  );
}

/** The fields whose value differs from the record as loaded, so a PATCH sends only real changes; a cleared field becomes null. */
export function changedValues(original: object, values: Record<string, unknown>): Record<string, unknown> {
  const before = original as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = raw === "" || raw === undefined ? null : raw;
    const previous = before[key] === "" || before[key] === undefined ? null : before[key];
    if (value !== previous) changes[key] = value;
  }
  return changes;
}
