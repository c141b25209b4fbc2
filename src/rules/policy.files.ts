/**
 * Writes a lifecycle transition back to the version's scorecard.yaml, keeping the author's comments and
 * layout: only `status` and the `effective` period change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { SCORECARD_FILE } from "./policy.registry";
import type { Plan } from "./scorecard.plan";

/** Saves the plan's status and effective period into its own scorecard file. */
export function saveVersionStatus(plan: Plan): void {
  const path = join(plan.version.folder, SCORECARD_FILE);
  const document = parseDocument(readFileSync(path, "utf8"));
  document.set("status", plan.version.status);
  document.setIn(["effective", "from"], plan.version.effective.from);
  if (plan.version.effective.to) document.setIn(["effective", "to"], plan.version.effective.to);
  writeFileSync(path, document.toString());
}
