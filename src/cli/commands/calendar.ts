import type { Command } from "commander";
import { readFileSync } from "node:fs";
import {
  addWorkingDaysMarked,
  calendarYear,
  calendarYearProblems,
  calendarYears,
  dayKind,
  isProvisionalDate,
  lastOfficialYear,
  setOfficialYear,
  workingDaysBetween,
  type CalendarYear,
} from "../../core/calendar";
import { clock } from "../../core/clock";
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

/** The mark an answer carries when it depends on a year without an official notice. */
function provisionalMark(...dates: string[]): string {
  const years = [...new Set(dates.filter(isProvisionalDate).map((date) => date.slice(0, 4)))];
  return years.length === 0 ? "" : ` (暂定 provisional: no official holiday notice for ${years.join(", ")} yet)`;
}

/** Registers `calendar add-working-days`, `working-days-between`, `is-working-day`, `years` and `import`. */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command("calendar").description("official working-day calendar (holidays and make-up days)");

  calendar
    .command("add-working-days")
    .description("print the date n working days after <date> (not counting <date>; negative n goes back)")
    .argument("<date>", "start date, YYYY-MM-DD")
    .argument("<n>", "number of working days (negative goes back)")
    .option("--json", "print { date, provisional } as JSON")
    .allowUnknownOption()
    .action((date: string, n: string, options: { json?: boolean }) => {
      run(() => {
        const start = requireDate(date, "date");
        const due = addWorkingDaysMarked(start, requireInteger(n, "n"));
        return options.json ? JSON.stringify(due) : `${due.date}${provisionalMark(start, due.date)}`;
      });
    });

  calendar
    .command("working-days-between")
    .description("print the number of working days after <a> up to and including <b>")
    .argument("<a>", "first date, YYYY-MM-DD (not counted)")
    .argument("<b>", "last date, YYYY-MM-DD (counted)")
    .action((a: string, b: string) => {
      run(() => String(workingDaysBetween(requireDate(a, "a"), requireDate(b, "b"))) + provisionalMark(a, b));
    });

  calendar
    .command("is-working-day")
    .description("print true or false; --reason adds why (weekend, holiday name, make-up working day)")
    .argument("<date>", "date, YYYY-MM-DD")
    .option("--reason", "also print the kind of day and the holiday name")
    .action((date: string, options: { reason?: boolean }) => {
      run(() => {
        const kind = dayKind(requireDate(date, "date"));
        if (!options.reason) return String(kind.working) + provisionalMark(date);
        return (
          [String(kind.working), kind.kind, "name" in kind ? kind.name : ""].join(" ").trim() + provisionalMark(date)
        );
      });
    });

  calendar
    .command("years")
    .description("list the years with an official notice and the provisional years up to --until")
    .option("--until <year>", "last year to list", String(Number(clock.today().slice(0, 4)) + 2))
    .action((options: { until: string }) => {
      run(() => {
        const until = Number(requireInteger(options.until, "until"));
        const lines = [];
        for (let year = calendarYears()[0]; year <= until; year += 1) {
          const entry = calendarYear(year);
          lines.push(`${year}\t${entry.provisional ? "provisional" : "official"}\t${entry.source}`);
        }
        return lines.join("\n");
      });
    });

  calendar
    .command("import")
    .description(
      "add the official arrangement of a year from a State Council notice (JSON: { year, source, holidays, workdays }), " +
        "and list the open deadlines it changes (they are not moved)",
    )
    .requiredOption("--file <path>", "the notice as JSON, in the shape of src/core/calendar-data/<year>.json")
    .option("--dry-run", "check the notice and list the changes without writing anything")
    .action(async (options: { file: string; dryRun?: boolean }) => {
      let notice: unknown;
      try {
        notice = JSON.parse(readFileSync(options.file, "utf8"));
      } catch (error) {
        throw new UsageError(`cannot read ${options.file}: ${(error as Error).message}`);
      }
      const problems = calendarYearProblems(notice);
      if (problems.length > 0) {
        process.stderr.write(
          `gongzhi calendar import: the notice has ${problems.length} problem(s):\n${problems.map((line) => `  - ${line}`).join("\n")}\n`,
        );
        process.exitCode = USAGE_ERROR;
        return;
      }
      await importNotice(notice as CalendarYear, { dryRun: options.dryRun === true });
    });
}

/**
 * Lists the open deadlines stored in the database that the notice changes, then (unless a dry run) writes the
 * year's file and records the import and the list in the audit log, in one transaction.
 */
async function importNotice(entry: CalendarYear, options: { dryRun: boolean }): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const wasProvisional = calendarYear(entry.year).provisional === true;
  const { openMigratedDatabase } = await import("../../db/startup");
  const { inTransaction } = await import("../../db/transaction");
  const { modules } = await import("../../http/modules");
  const { deadlineChanges, openDeadlines } = await import("../../platform/deadlines/deadlines");
  const { appendAudit } = await import("../../platform/audit/audit.log");
  const { writeCalendarIndex, writeCalendarYear } = await import("../calendar-files");
  const handle = await openMigratedDatabase(log);
  try {
    const open = await openDeadlines(modules, handle.db);
    setOfficialYear(entry);
    const changes = deadlineChanges(open);
    for (const change of changes) {
      log(
        `${change.dueOn} → ${change.recomputedOn}  ${change.label}  ${change.reference}${change.townCode ? ` (${change.townCode})` : ""}`,
      );
    }
    log(
      `${open.length} open deadline(s) checked, ${changes.length} would move with the official ${entry.year} calendar; stored deadlines are not moved.`,
    );
    if (!options.dryRun) {
      await inTransaction(handle.db, async (trx) => {
        await appendAudit(trx, {
          actorId: null,
          actorUsername: "system",
          action: "calendar.import",
          entityType: "calendar_year",
          entityId: String(entry.year),
          before: { provisional: wasProvisional },
          after: {
            source: entry.source,
            holidays: Object.keys(entry.holidays).length,
            workdays: Object.keys(entry.workdays).length,
            changes,
          },
        });
        writeCalendarYear(entry);
        writeCalendarIndex();
      });
      log(
        `wrote src/core/calendar-data/${entry.year}.json; restart Gongzhi to use it (last official year now ${lastOfficialYear()}).`,
      );
    }
    process.stdout.write(
      `${JSON.stringify({ year: entry.year, written: !options.dryRun, checked: open.length, changes })}\n`,
    );
  } finally {
    await handle.close();
  }
}
