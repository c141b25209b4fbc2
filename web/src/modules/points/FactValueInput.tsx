import { InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { enumOptions } from "./factValues";
import type { FactDefinition } from "./types";

/**
 * The input for one fact's value, chosen by the fact's type in the policy: a list of named choices for an enum
 * (文化程度 → 本科及以上), 是/否 for a yes-or-no fact, a number otherwise. Nobody types a value code.
 */
export function FactValueInput({
  definition,
  value,
  onChange,
  testId,
  ariaLabel,
  size,
  width = 160,
}: {
  definition: FactDefinition | undefined;
  value?: unknown;
  onChange?: (value: unknown) => void;
  testId?: string;
  ariaLabel?: string;
  size?: "small" | "middle";
  width?: number;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const common = { size, style: { width }, "data-testid": testId, "aria-label": ariaLabel };
  if (definition?.type === "enum")
    return (
      <Select
        {...common}
        value={value as string | undefined}
        onChange={(chosen: string) => onChange?.(chosen)}
        placeholder={t("points.chooseValue")}
        options={enumOptions(definition, english)}
      />
    );
  if (definition?.type === "boolean")
    return (
      <Select
        {...common}
        value={value as boolean | undefined}
        onChange={(chosen: boolean) => onChange?.(chosen)}
        placeholder={t("points.chooseValue")}
        options={[
          { value: true, label: english ? "Yes" : "是" },
          { value: false, label: english ? "No" : "否" },
        ]}
      />
    );
  return (
    <InputNumber
      {...common}
      min={0}
      precision={definition?.type === "yuan" ? 2 : 0}
      value={typeof value === "number" ? value : null}
      onChange={(chosen) => onChange?.(chosen ?? undefined)}
    />
  );
}
