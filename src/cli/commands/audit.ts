import type { Command } from "commander";

/** Registers the audit sub-commands (filled in by the area that owns them). */
export function registerAuditCommands(_program: Command): void {}
