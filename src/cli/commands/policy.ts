import type { Command } from "commander";

/** Registers the policy sub-commands (filled in by the area that owns them). */
export function registerPolicyCommands(_program: Command): void {}
