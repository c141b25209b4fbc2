/** Registry-specific command helpers; the command context, audit helper and unique-violation test are shared (src/platform/commands/context.ts). */

/** Drops the timestamps from a record, so an audit snapshot holds only the data that changed. */
export function snapshot<T extends { createdAt?: unknown; updatedAt?: unknown }>(
  record: T,
): Omit<T, "createdAt" | "updatedAt"> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = record;
  return rest;
}
