import type { Command } from "commander";
import { addWorkingDays, dayKind, workingDaysBetween } from "../../core/calendar";
import { isIsoDate } from "../../core/dates";

/** Exit code for bad command-line input (a usage error), as opposed to 1 for failures. */
const USAGE_ERROR = 2;

class UsageError extends Error {}

function requireDate(value: string, name: string): string {
  if (!isIsoDate(value)) throw new UsageError(`${name} must be a real date written YYYY-MM-DD, got "${value}"`);
  return value;
}

function requireInteger(value: string, name: string): number {
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} must be a whole number of working days, got "${value}"`);
  }
  return Number(value);
}

/** Runs an action, turning bad input (and dates outside the calendar data) into a stderr message and exit code 2. */
function run(action: () => string): void {
  try {
    process.stdout.write(`${action()}\n`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      process.stderr.write(`gongzhi calendar: ${error.message}\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    throw error;
  }
}

/** Registers `calendar add-working-days`, `working-days-between` and `is-working-day` on the official calendar. */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command("calendar").description("official working-day calendar (holidays and make-up days)");

  calendar
    .command("add-working-days")
    .description("print the date n working days after <date> (not counting <date>; negative n goes back)")
    .argument("<date>", "start date, YYYY-MM-DD")
    .argument("<n>", "number of working days (negative goes back)")
    .allowUnknownOption()
    .action((date: string, n: string) => {
      run(() => addWorkingDays(requireDate(date, "date"), requireInteger(n, "n")));
    });

  calendar
    .command("working-days-between")
    .description("print the number of working days after <a> up to and including <b>")
    .argument("<a>", "first date, YYYY-MM-DD (not counted)")
    .argument("<b>", "last date, YYYY-MM-DD (counted)")
    .action((a: string, b: string) => {
      run(() => String(workingDaysBetween(requireDate(a, "a"), requireDate(b, "b"))));
    });

  calendar
    .command("is-working-day")
    .description("print true or false; --reason adds why (weekend, holiday name, make-up working day)")
    .argument("<date>", "date, YYYY-MM-DD")
    .option("--reason", "also print the kind of day and the holiday name")
    .action((date: string, options: { reason?: boolean }) => {
      run(() => {
        const kind = dayKind(requireDate(date, "date"));
        if (!options.reason) return String(kind.working);
        return [String(kind.working), kind.kind, "name" in kind ? kind.name : ""].join(" ").trim();
      });
    });
}
