// Names for the codes the points API returns: facts and indicators of the scorecard, departments.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../api/client";
import { useDepartments } from "../../api/reference";
import type { ApiResponse } from "../../api/schema";
import type { ScoreStep, SelfCheckAnswer } from "./types";
import { codeLabel } from "../../i18n/codes";

/** What the vocabulary reads of GET /public/points/facts and of a self-check's steps. */
type FactNames = { facts: Pick<ApiResponse<"/public/points/facts">["facts"][number], "name" | "zh">[] };
type StepLabels = { results: Record<string, { steps: Pick<ScoreStep, "indicator" | "zh" | "en" | "facts">[] }> };

/** One label in both languages; `en` is absent when the policy has none for that code. */
export interface CodeLabel {
  zh: string;
  en?: string;
}

let pending: Promise<Map<string, CodeLabel>> | null = null;

/**
 * Reads the policy's vocabulary once per page load: fact names with their Chinese labels from
 * `GET /public/points/facts`, indicator ids with zh/en labels from a self-check with no facts (which stores
 * nothing and lists every indicator with the facts it reads). A fact read by exactly one indicator takes that
 * indicator's English label, since the scorecard gives facts a Chinese label only.
 */
export function loadPointsVocabulary(): Promise<Map<string, CodeLabel>> {
  if (!pending) {
    pending = Promise.all([
      apiGet<ApiResponse<"/public/points/facts">>("/public/points/facts"),
      apiPost<SelfCheckAnswer>("/public/points/self-check", { town: "shiqi", facts: {} }).catch(() => null),
    ]).then(([facts, check]) => vocabularyFrom(facts, check));
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}

/** Builds the code → label map from the facts answer and (when it came) the self-check answer. */
export function vocabularyFrom(facts: FactNames, check: StepLabels | null): Map<string, CodeLabel> {
  const labels = new Map<string, CodeLabel>();
  const englishOfFact = new Map<string, string>();
  for (const result of Object.values(check?.results ?? {})) {
    for (const step of result.steps) {
      if (!labels.has(step.indicator)) labels.set(step.indicator, { zh: step.zh, en: step.en });
      const read = step.facts && typeof step.facts === "object" ? Object.keys(step.facts) : [];
      if (read.length === 1 && !englishOfFact.has(read[0])) englishOfFact.set(read[0], step.en);
    }
  }
  for (const fact of facts.facts) {
    labels.set(fact.name, { zh: fact.zh, en: englishOfFact.get(fact.name) ?? labels.get(fact.name)?.en });
  }
  return labels;
}

/** Picks the label for the language: the policy's, else the code dictionary's (which names every fact in both languages). */
export function labelFor(labels: Map<string, CodeLabel>, code: string, english: boolean): string {
  const label = labels.get(code);
  const dictionary = codeLabel("pointsFact", code, english ? "en" : "zh-CN");
  if (!label) return dictionary;
  if (english) return label.en ?? dictionary;
  return label.zh;
}

/** Functions naming a fact or indicator code and a department code in the current language (the code while loading). */
export function usePointsLabels(): {
  factLabel: (code: string | null | undefined) => string;
  departmentLabel: (code: string | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  const departments = useDepartments().items;
  const [labels, setLabels] = useState<Map<string, CodeLabel>>(new Map());
  useEffect(() => {
    let active = true;
    loadPointsVocabulary().then(
      (loaded) => active && setLabels(loaded),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  const factLabel = useCallback(
    (code: string | null | undefined) => (code ? labelFor(labels, code, english) : ""),
    [labels, english],
  );
  const departmentLabel = useCallback(
    (code: string | null | undefined) => {
      if (!code) return "";
      const department = departments.find((candidate) => candidate.code === code);
      if (!department) return code;
      return english ? `${department.name} (${code})` : department.name;
    },
    [departments, english],
  );
  return { factLabel, departmentLabel };
}
