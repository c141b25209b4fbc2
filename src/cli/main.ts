#!/usr/bin/env node
/**
 * The `gongzhi` command. Each area registers its own sub-commands from `src/cli/commands/<area>.ts`.
 * Command modules must import heavy dependencies (database, server) lazily inside their actions, so that
 * the rules commands (`points score`, `assistance compute`, `policy test`) run with no database at all.
 */
import { Command } from "commander";
import { registerServerCommands } from "./commands/server";
import { registerDatabaseCommands } from "./commands/database";
import { registerAuditCommands } from "./commands/audit";
import { registerBackupCommands } from "./commands/backup";
import { registerUserCommands } from "./commands/users";
import { registerCalendarCommands } from "./commands/calendar";
import { registerPointsCommands } from "./commands/points";
import { registerPolicyCommands } from "./commands/policy";
import { registerAssistanceCommands } from "./commands/assistance";
import { registerAssistancePayrollCommand } from "./commands/assistance-payroll";
import { registerPointsCycleCommands } from "./commands/points-cycle";
import { registerRoutesCommand } from "./commands/routes";
import { registerPanelCommands } from "./commands/panel";
import { registerCommunityCommands } from "./commands/communities";

const program = new Command();
program.name("gongzhi").description("Gongzhi (共治) social-governance platform").showHelpAfterError();

registerServerCommands(program);
registerDatabaseCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerUserCommands(program);
registerCalendarCommands(program);
registerPointsCommands(program);
registerPolicyCommands(program);
registerAssistanceCommands(program);
registerAssistancePayrollCommand(program);
registerPointsCycleCommands(program);
registerRoutesCommand(program);
registerPanelCommands(program);
registerCommunityCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
