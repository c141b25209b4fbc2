import type { Command } from "commander";
import { roles } from "../../platform/roles";

/** Registers `users create`: creates an account with one role grant (recorded in the audit log). */
export function registerUserCommands(program: Command): void {
  const users = program.command("users").description("accounts");
  users
    .command("create")
    .description("create an account")
    .requiredOption("--username <username>", "login name (3–40 lowercase letters, digits, . _ -)")
    .requiredOption("--password <password>", "at least 10 characters with a letter and a digit")
    .requiredOption("--role <role>", `one of: ${roles.join(", ")}`)
    .option("--town <code>", "镇区 code (required for clerk)")
    .option("--department <code>", "department code (required for verifier)")
    .option("--name <displayName>", "display name (default: the username)")
    .option("--person <personId>", "linked person id (for residents)")
    .action(
      async (options: {
        username: string;
        password: string;
        role: string;
        town?: string;
        department?: string;
        name?: string;
        person?: string;
      }) => {
        const { openMigratedDatabase } = await import("../../db/startup");
        const { inTransactionWhenOk } = await import("../../db/transaction");
        const { createAccount } = await import("../../platform/accounts/accounts.commands");
        const handle = await openMigratedDatabase();
        try {
          const result = await inTransactionWhenOk(handle.db, (trx) =>
            createAccount(
              trx,
              { actor: null, requestId: null },
              {
                username: options.username,
                displayName: options.name ?? options.username,
                password: options.password,
                roles: [
                  { role: options.role, townCode: options.town ?? null, departmentCode: options.department ?? null },
                ],
                personId: options.person ?? null,
              },
            ),
          );
          if (!result.ok) {
            process.stderr.write(`${result.error.field ? `${result.error.field}: ` : ""}${result.error.message}\n`);
            process.exitCode = 1;
            return;
          }
          process.stdout.write(`${JSON.stringify(result.value)}\n`);
        } finally {
          await handle.close();
        }
      },
    );
}
