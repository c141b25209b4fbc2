import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry, HistoryEntry } from "../api/types";

type Change = AuditEntry["changes"][number];

const shownFields = 6;

/**
 * What an audit entry recorded, as the server words it (labels from the code dictionary, money in yuan, people by
 * their masked name): "地址: 旧 → 新" per changed field; a new record as a short field list; only the field names
 * when the caller may not see the values.
 */
export function AuditDetails({ entry }: { entry: AuditEntry | HistoryEntry }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  const text = (label: { zh: string; en: string } | null | undefined) =>
    label ? (english ? label.en : label.zh) : "—";
  const changes: Change[] = entry.changes ?? [];
  if (changes.length === 0) return null;
  if (changes.every((change) => !change.before && !change.after)) {
    return (
      <Typography.Text type="secondary" className="audit-fields">
        {t("audit.changedFields")}: {changes.map((change) => text(change.label)).join("、")}
      </Typography.Text>
    );
  }
  if (changes.every((change) => !change.before)) {
    const line = changes
      .slice(0, shownFields)
      .map((change) => `${text(change.label)}: ${text(change.after)}`)
      .join("；");
    const more =
      changes.length > shownFields ? ` ${t("audit.moreFields", { count: changes.length - shownFields })}` : "";
    return (
      <Typography.Text className="audit-fields" data-testid="audit-fields">
        {line}
        {more}
      </Typography.Text>
    );
  }
  return (
    <ul className="audit-details" data-testid="audit-fields">
      {changes.map((change) => (
        <li key={change.field}>
          <Typography.Text type="secondary">{text(change.label)}: </Typography.Text>
          <Typography.Text>
            {text(change.before)} → {text(change.after)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
