import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../api/types";

const shownFields = 6;

/** What an audit entry changed: "address: old → new" per field; a new record as a short field list; names only when values are withheld. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  const label = (field: string) => t(`field.${field}`, { defaultValue: field });

  if (!before && !after) {
    if (!entry.changedFields || entry.changedFields.length === 0) return null;
    return (
      <Typography.Text type="secondary" className="audit-fields">
        {t("audit.changedFields")}: {entry.changedFields.map(label).join("、")}
      </Typography.Text>
    );
  }
  if (!before && after) {
    const fields = Object.keys(after).filter((field) => after[field] !== null && after[field] !== undefined);
    const text = fields
      .slice(0, shownFields)
      .map((field) => `${label(field)}: ${short(after[field])}`)
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
            {short(before?.[field])} → {short(after?.[field])}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function short(item: unknown): string {
  if (item === null || item === undefined || item === "") return "—";
  const text = typeof item === "string" ? item : JSON.stringify(item);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
