import { useCallback, useRef } from "react";
import { Input, type InputRef } from "antd";
import { useTranslation } from "react-i18next";
import { useSlashFocus } from "./useSlashFocus";

interface Props {
  defaultValue?: string;
  onSearch: (query: string) => void;
  loading?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
}

/** The registry search field: "/" focuses it from anywhere on the page, Enter searches. */
export function RegistrySearchBox({ defaultValue, onSearch, loading, autoFocus, placeholder }: Props) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const focus = useCallback(() => input.current?.focus({ cursor: "all" }), []);
  useSlashFocus(focus);
  return (
    <Input.Search
      ref={input}
      key={defaultValue}
      defaultValue={defaultValue}
      size="large"
      allowClear
      enterButton={t("registry.search")}
      placeholder={placeholder ?? t("registry.searchPlaceholder")}
      loading={loading}
      autoFocus={autoFocus}
      onSearch={(value) => onSearch(value.trim())}
      data-testid="registry-search-input"
    />
  );
}
