import type { Command } from "commander";

/** Registers the calendar sub-commands (filled in by the area that owns them). */
export function registerCalendarCommands(_program: Command): void {}
