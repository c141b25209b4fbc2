/**
 * Points ranking and allocation engine (中府办〔2014〕50号 Arts. 9–13): pure, no database, no HTTP.
 * Object API: `allocate(input)` → Result<AllocationResult>; `resultHash`, `diffResults` to freeze and compare runs.
 * Columnar API for city-sized runs: `allocateColumns(applicants, quotas, schools)`. See docs/points-allocation.md.
 */
export * from "./allocation.types";
export * from "./allocation.columns";
export { allocate, presentResult, presentSummaries } from "./allocation.run";
export { allocateColumns } from "./allocation.engine";
export { prepareInput, compareCodeUnits, emptyApplicantColumns, type PreparedInput } from "./allocation.input";
export { resultHash, canonicalText, diffResults, type ApplicationChange, type ChangedField } from "./result.compare";
export { sortByMerit, separatingLevel, precedes } from "./merit.sort";
export { rankingList, secondRoundList, type ListScope } from "./result.lists";
