import type { Command } from "commander";

/** Registers the points sub-commands (filled in by the area that owns them). */
export function registerPointsCommands(_program: Command): void {}
