/**
 * A version's golden tests as the screen shows them: the CLI's runner (`runGoldenTests`, as `gongzhi policy
 * test`), each case with its purpose and pass/fail, and each difference in Chinese and English.
 */
import { basename } from "node:path";
import { loadGoldenCases, runGoldenTests } from "../../rules/golden.run";
import type { Plan } from "../../rules/scorecard.plan";

/** One difference of a failing case, in both languages. */
export interface GoldenFailure {
  zh: string;
  en: string;
}

/** Translates one failure line of the runner into Chinese, naming the sub-score or indicator by its label. */
export function failureZh(plan: Plan, failure: string): string {
  const labelOf = (key: string): string => {
    if (key === "total") return "总分";
    if (key === "eligible") return "是否达到分数线";
    const subscore = plan.version.subscores.find((item) => item.id === key);
    if (subscore) return `分项「${subscore.zh}」`;
    const indicator = plan.version.indicators.find((item) => item.id === key);
    if (indicator) return `指标「${indicator.zh}」`;
    const group = plan.version.groups.find((item) => item.id === key);
    if (group) return `指标组「${group.zh}」`;
    if (key === "multiplier") return "镇区系数加分";
    return `「${key}」`;
  };
  const yesNo = (value: string) => (value === "true" ? "是" : value === "false" ? "否" : value);
  let match = /^(\w+): expected (.+), got (.+)$/.exec(failure);
  if (match) {
    const [, key, expected, actual] = match;
    return key === "eligible"
      ? `${labelOf(key)}：应为「${yesNo(expected)}」，实际为「${yesNo(actual)}」`
      : `${labelOf(key)}：应为 ${expected} 分，实际为 ${actual} 分`;
  }
  match = /^request refused: (.+)$/.exec(failure);
  if (match) return `测试用例的申请被拒绝：${match[1]}`;
  match = /^(\w+): no such step for (\w+)$/.exec(failure);
  if (match) return `${labelOf(match[1])} 不计入该用途的积分`;
  match = /^unknown expected keys: (.+)$/.exec(failure);
  if (match) return `预期结果中有未知的项目：${match[1]}`;
  if (failure.startsWith("bug:")) return `程序错误：两种计算方法结果不一致（${failure}）`;
  if (failure.startsWith("invalid YAML")) return `测试文件格式错误：${failure}`;
  return `测试用例有误：${failure}`;
}

/** Runs the golden tests of a version and presents every case. */
export function goldenReport(plan: Plan) {
  const { cases } = loadGoldenCases(plan.version.folder);
  const purposeOf = new Map(cases.map((golden) => [`${golden.file}\u0000${golden.name}`, golden]));
  const results = runGoldenTests(plan);
  const purposeZh = (name: string | undefined) =>
    plan.version.purposes.find((purpose) => purpose.name === name)?.zh ?? null;
  return {
    versionId: plan.version.id,
    passed: results.filter((result) => result.passed).length,
    failed: results.filter((result) => !result.passed).length,
    cases: results.map((result) => {
      const golden = purposeOf.get(`${result.file}\u0000${result.name}`);
      return {
        name: result.name,
        file: basename(result.file),
        purpose: golden?.purpose ?? null,
        purposeZh: purposeZh(golden?.purpose),
        town: golden?.town ?? null,
        date: golden?.date ?? null,
        passed: result.passed,
        failures: result.failures.map((failure) => ({ zh: failureZh(plan, failure), en: failure })),
      };
    }),
  };
}

/** How many golden cases a version has (without running them). */
export function goldenCount(plan: Plan): number {
  const { cases, problems } = loadGoldenCases(plan.version.folder);
  return cases.length + problems.length;
}
