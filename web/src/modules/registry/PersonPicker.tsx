import { useEffect, useRef, useState } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { apiGet, listItems } from "../../api/client";
import type { Page, PersonSummary } from "../../api/types";
import { useTownLabel } from "../../components/useTownLabel";

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  testId?: string;
  /** Set by Form.Item, so the item's label names this control. */
  id?: string;
  /** The control's name when it has no visible label. */
  "aria-label"?: string;
}

/** Picks a person by searching the registry (name, ID number or phone, ≥ 2 characters); a Form control. */
export function PersonPicker({ value, onChange, testId = "person-picker", id, "aria-label": ariaLabel }: Props) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [options, setOptions] = useState<PersonSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef("");

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (text: string) => {
    const query = text.trim();
    latest.current = query;
    window.clearTimeout(timer.current);
    if (query.length < 2) {
      setOptions([]);
      return;
    }
    timer.current = window.setTimeout(() => {
      setSearching(true);
      apiGet<Page<PersonSummary>>("/persons", { q: query, pageSize: 20 })
        .then((answer) => latest.current === query && setOptions(listItems(answer)))
        .catch(() => latest.current === query && setOptions([]))
        .finally(() => setSearching(false));
    }, 300);
  };

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={searching}
      placeholder={t("registry.pickPersonPlaceholder")}
      notFoundContent={searching ? t("registry.searching") : t("registry.pickPersonHint")}
      options={options.map((person) => ({
        value: person.id,
        label: `${person.name} · ${person.idNumber} · ${townLabel(person.townCode)}${person.householdId ? ` · ${t("registry.hasHousehold")}` : ""}`,
      }))}
      data-testid={testId}
    />
  );
}
