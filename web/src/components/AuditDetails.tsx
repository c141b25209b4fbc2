import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry, HistoryEntry } from "../api/types";
import { formatTime } from "./formatTime";
import { useTownLabel } from "./useTownLabel";

/** Fields whose values are codes with a label in i18n (`<field>.<code>`). */
const codedFields = new Set(["relationship", "hukouType", "gender", "role"]);

const shownFields = 6;

/** What an audit entry changed: "address: old → new" per field; a new record as a short field list; names only when values are withheld. */
export function AuditDetails({ entry }: { entry: AuditEntry | HistoryEntry }) {
  const { t } = useTranslation();
  const before = recordOf(entry.before);
  const after = recordOf(entry.after);
  const changedFields = "changedFields" in entry ? entry.changedFields : [];
  const townLabel = useTownLabel();
  const label = (field: string) => t(`field.${field}`, { defaultValue: field });
  const value = (field: string, item: unknown) => {
    if (typeof item === "string" && codedFields.has(field)) return t(`${field}.${item}`, { defaultValue: item });
    if (typeof item === "string" && field === "kind") return t(`organisationKind.${item}`, { defaultValue: item });
    if (typeof item === "string" && field === "townCode") return townLabel(item);
    if (typeof item === "boolean") return item ? t("common.yes") : t("common.no");
    if (typeof item === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(item)) return formatTime(item);
    return short(item, t);
  };

  if (!before && !after) {
    if (changedFields.length === 0) return null;
    return (
      <Typography.Text type="secondary" className="audit-fields">
        {t("audit.changedFields")}: {changedFields.map(label).join("、")}
      </Typography.Text>
    );
  }
  if (!before && after) {
    const fields = Object.keys(after).filter(
      (field) => field !== "id" && after[field] !== null && after[field] !== undefined,
    );
    const text = fields
      .slice(0, shownFields)
      .map((field) => `${label(field)}: ${value(field, after[field])}`)
      .join("；");
    const more = fields.length > shownFields ? ` ${t("audit.moreFields", { count: fields.length - shownFields })}` : "";
    return (
      <Typography.Text className="audit-fields" title={JSON.stringify(after, null, 1)}>
        {text}
        {more}
      </Typography.Text>
    );
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]),
  );
  if (fields.length === 0) return null;
  return (
    <ul className="audit-details">
      {fields.map((field) => (
        <li key={field}>
          <Typography.Text type="secondary">{label(field)}: </Typography.Text>
          <Typography.Text>
            {value(field, before?.[field])} → {value(field, after?.[field])}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** The record an entry carries before or after the change (null when withheld or absent). */
function recordOf(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function short(item: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (item === null || item === undefined || item === "") return "—";
  if (Array.isArray(item)) return t("audit.items", { count: item.length });
  if (typeof item === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(item))
    return `${item.slice(0, 8)}…`;
  const text = typeof item === "string" ? item : JSON.stringify(item);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
