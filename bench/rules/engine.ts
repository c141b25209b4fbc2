/**
 * The benchmark policy as the engine sees it: policies/benchmark/rules-benchmark/program.yaml, resolved at the
 * start of period 2018 and compiled to store all 22 outputs. Nothing here knows the policy's rules.
 */
import { join } from "node:path";
import type { Problem, Result } from "../../src/core/result";
import { compileProgram, resolveProgram, type CompiledProgram } from "../../src/rules/program.compile";
import { loadProgramFile } from "../../src/rules/program.load";
import { OUTPUTS } from "./population";

export const PROGRAM_FILE = join(
  import.meta.dirname,
  "..",
  "..",
  "policies",
  "benchmark",
  "rules-benchmark",
  "program.yaml",
);

/** Period 2018 is evaluated with the parameter values in force on its first day (the README's rule). */
export const PERIOD_START = "2018-01-01";

/** Loads, resolves and compiles the benchmark program for `date`, storing `outputs` (default: all 22). */
export function compileBenchmarkProgram(
  date = PERIOD_START,
  outputs: readonly string[] = OUTPUTS,
): Result<CompiledProgram, Problem[]> {
  const source = loadProgramFile(PROGRAM_FILE);
  if (!source.ok) return source;
  const resolved = resolveProgram(source.value, date);
  if (!resolved.ok) return resolved;
  return compileProgram(resolved.value, outputs);
}
