import { Typography } from "antd";

/** A compact, readable rendering of an audit entry's details: "field: before → after" or key: value lines. */
export function AuditDetails({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object") return <Typography.Text type="secondary">{String(value)}</Typography.Text>;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <ul className="audit-details">
      {entries.map(([key, item]) => (
        <li key={key}>
          <Typography.Text type="secondary">{key}: </Typography.Text>
          <Typography.Text>{describe(item)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function describe(item: unknown): string {
  if (item && typeof item === "object" && !Array.isArray(item)) {
    const record = item as Record<string, unknown>;
    if ("from" in record || "to" in record) return `${short(record.from)} → ${short(record.to)}`;
    if ("before" in record || "after" in record) return `${short(record.before)} → ${short(record.after)}`;
  }
  return short(item);
}

function short(item: unknown): string {
  if (item === null || item === undefined) return "—";
  const text = typeof item === "string" ? item : JSON.stringify(item);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
