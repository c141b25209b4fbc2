import type { Command } from "commander";

/** Registers the server sub-commands (filled in by the area that owns them). */
export function registerServerCommands(_program: Command): void {}
