/**
 * Loads an assistance policy folder: `policy.yaml` (id, kind, status, description) and its dated parameters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { err, ok, type Problem, type Result } from "../../core/result";
import { loadParameterDirectory, type ParameterTree } from "../parameters";

/** A loaded assistance policy version. */
export interface AssistancePolicy {
  id: string;
  kind: "assistance";
  status: string;
  description: string;
  directory: string;
  parameters: ParameterTree;
}

const POLICY_KEYS = new Set(["id", "kind", "status", "title", "description", "effective_from", "parameters", "tests"]);
const STATUSES = new Set(["draft", "approved", "active", "superseded"]);

/** The folder of Zhongshan's assistance policy shipped with the project (resolved from this file, not the cwd). */
export const DEFAULT_ASSISTANCE_POLICY = fileURLToPath(
  new URL("../../../policies/zhongshan/assistance", import.meta.url),
);

/** Reads and validates policy.yaml and the parameters folder it names. */
export function loadAssistancePolicy(directory: string = DEFAULT_ASSISTANCE_POLICY): Result<AssistancePolicy, Problem> {
  const file = join(directory, "policy.yaml");
  let document: unknown;
  try {
    document = parse(readFileSync(file, "utf8"));
  } catch (error) {
    return err({
      code: "policy.unreadable",
      message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      field: file,
    });
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return err({ code: "policy.invalid", message: `${file}: must be a mapping`, field: file });
  }
  const policy = document as Record<string, unknown>;
  for (const key of Object.keys(policy)) {
    if (!POLICY_KEYS.has(key))
      return err({ code: "policy.invalid", message: `${file}: unknown key "${key}"`, field: key });
  }
  for (const key of ["id", "description", "status"]) {
    if (typeof policy[key] !== "string" || (policy[key] as string).trim() === "") {
      return err({ code: "policy.invalid", message: `${file}: ${key} is required`, field: key });
    }
  }
  if (policy.kind !== "assistance")
    return err({ code: "policy.invalid", message: `${file}: kind must be "assistance"`, field: "kind" });
  if (!STATUSES.has(policy.status as string)) {
    return err({
      code: "policy.invalid",
      message: `${file}: status must be one of ${[...STATUSES].join(", ")}`,
      field: "status",
    });
  }
  const parametersFolder = typeof policy.parameters === "string" ? policy.parameters : "parameters";
  const parameters = loadParameterDirectory(join(directory, parametersFolder));
  if (!parameters.ok) return parameters;
  return ok({
    id: policy.id as string,
    kind: "assistance",
    status: policy.status as string,
    description: policy.description as string,
    directory,
    parameters: parameters.value,
  });
}

/** Every assistance policy folder under `root` (a folder whose policy.yaml says `kind: assistance`), sorted. */
export function findAssistancePolicyFolders(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const file = join(root, "policy.yaml");
  if (existsSync(file)) {
    try {
      const document = parse(readFileSync(file, "utf8")) as { kind?: unknown } | null;
      return document?.kind === "assistance" ? [root] : [];
    } catch {
      return [root]; // unreadable: let loadAssistancePolicy report the problem
    }
  }
  return readdirSync(root)
    .sort()
    .flatMap((entry) =>
      entry !== "tests" && entry !== "parameters" && statSync(join(root, entry)).isDirectory()
        ? findAssistancePolicyFolders(join(root, entry))
        : [],
    );
}
