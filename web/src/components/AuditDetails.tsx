import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../api/types";

/** What an audit entry changed, one line per field: "address: old → new"; only field names when values are withheld. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  if (!before && !after) {
    if (!entry.changedFields || entry.changedFields.length === 0) return null;
    return (
      <Typography.Text type="secondary" className="audit-fields">
        {t("audit.changedFields")}: {entry.changedFields.map((field) => fieldLabel(field, t)).join("、")}
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
          <Typography.Text type="secondary">{fieldLabel(field, t)}: </Typography.Text>
          <Typography.Text>
            {before ? `${short(before[field])} → ${short(after?.[field])}` : short(after?.[field])}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function fieldLabel(field: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t(`field.${field}`, { defaultValue: field });
}

function short(item: unknown): string {
  if (item === null || item === undefined || item === "") return "—";
  const text = typeof item === "string" ? item : JSON.stringify(item);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
