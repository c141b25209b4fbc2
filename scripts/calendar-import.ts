/**
 * Generates the working-day calendar data `src/core/calendar-data/<year>.json` and its `index.ts` from the
 * installed npm package `chinese-days` (dist/years/<year>.json, values like "National Day,国庆节,3").
 *
 * Usage: npx tsx scripts/calendar-import.ts [firstYear] [lastYear]   (default: every year the package carries)
 *        npx tsx scripts/calendar-import.ts --index-only               (only regenerate index.ts, e.g. after
 *                                                                       writing a year file by hand)
 * Review the diff against the State Council notice before committing.
 */
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { writeCalendarIndex } from "../src/cli/calendar-files";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface PackageYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Document numbers of the notices checked against the published text; other years cite the notice by title. */
const NOTICE_NUMBERS: Record<number, string> = {
  2025: "国办发明电〔2024〕12号",
};

/** Extra notices that changed a year's arrangement after the yearly notice. */
const EXTRA_SOURCES: Record<number, string> = {
  2020: "; 国务院办公厅关于延长2020年春节假期的通知",
};

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("chinese-days/package.json"));
const packageVersion = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string })
  .version;
const yearsDirectory = join(packageRoot, "dist", "years");
const outputDirectory = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "core", "calendar-data");

/** Takes the Chinese name out of a chinese-days value "English,中文,days". */
function chineseName(value: string, date: string): string {
  const name = value.split(",")[1]?.trim();
  if (!name) throw new Error(`unexpected chinese-days value for ${date}: "${value}"`);
  return name;
}

function sortedEntries(record: Record<string, string>, year: number, suffix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const date of Object.keys(record).sort()) {
    if (!date.startsWith(`${year}-`)) throw new Error(`${date} is listed under year ${year}`);
    result[date] = chineseName(record[date], date) + suffix;
  }
  return result;
}

const indexOnly = process.argv[2] === "--index-only";
const available = readdirSync(yearsDirectory)
  .filter((name) => /^\d{4}\.json$/.test(name))
  .map((name) => Number(name.slice(0, 4)))
  .sort((a, b) => a - b);
const firstYear = Number(process.argv[2] ?? available[0]);
const lastYear = Number(process.argv[3] ?? available[available.length - 1]);
const years = available.filter((year) => year >= firstYear && year <= lastYear);
if (!indexOnly && years.length === 0)
  throw new Error(`chinese-days ${packageVersion} has no data for ${firstYear}–${lastYear}`);

for (const year of indexOnly ? [] : years) {
  const data = JSON.parse(readFileSync(join(yearsDirectory, `${year}.json`), "utf8")) as PackageYear;
  const number = NOTICE_NUMBERS[year] ? ` (${NOTICE_NUMBERS[year]})` : "";
  const output = {
    year,
    source: `国务院办公厅关于${year}年部分节假日安排的通知${number}${EXTRA_SOURCES[year] ?? ""}; imported from npm chinese-days ${packageVersion}`,
    holidays: sortedEntries(data.holidays, year, ""),
    workdays: sortedEntries(data.workdays, year, "调休"),
  };
  writeFileSync(join(outputDirectory, `${year}.json`), `${JSON.stringify(output, null, 2)}\n`);
}

const allYears = writeCalendarIndex(outputDirectory);
process.stdout.write(
  indexOnly
    ? `wrote index.ts (${allYears.length} years)\n`
    : `wrote ${years.length} year files (${years[0]}–${years[years.length - 1]}) and index.ts\n`,
);
