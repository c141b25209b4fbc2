import type { Command } from "commander";

/** Registers the assistance sub-commands (filled in by the area that owns them). */
export function registerAssistanceCommands(_program: Command): void {}
