import type { Command } from "commander";

/** Registers the users sub-commands (filled in by the area that owns them). */
export function registerUserCommands(_program: Command): void {}
