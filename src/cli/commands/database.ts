import type { Command } from "commander";

/** Registers the database sub-commands (filled in by the area that owns them). */
export function registerDatabaseCommands(_program: Command): void {}
