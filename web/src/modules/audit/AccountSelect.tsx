import { useState } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Account, Page } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";

/** Picks an account by username or name (server-side search); a Form control whose value is the account id. */
export function AccountSelect({ value, onChange }: { value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const { data, loading } = useApiQuery<Page<Account>>("/accounts", { q: search, pageSize: 50 });
  return (
    <Select
      value={value}
      onChange={onChange}
      allowClear
      className="filter-select-wide"
      placeholder={t("audit.any")}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={(data?.items ?? []).map((account) => ({
        value: account.id,
        label: account.displayName ? `${account.displayName} (${account.username})` : account.username,
      }))}
      data-testid="audit-filter-actorId"
    />
  );
}
