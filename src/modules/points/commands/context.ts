/** Points-specific command helpers; the command context, audit helper and unique-violation test are shared (src/platform/commands/context.ts). */

/** A refusal that names the rule and its clause, so the resident and the clerk can see why. */
export function refusal(code: string, field: string, message: string, clause: string) {
  return { code, field, message: `${message}（${clause}）` };
}
