/**
 * A code shown by its label only (from the policy or the code dictionary); the code stays in the tooltip for
 * support, never in the text people read.
 */
export function CodeWithLabel({ label, code }: { label: string; code: string | null | undefined }) {
  if (!code) return <>—</>;
  return <span title={code}>{label || code}</span>;
}
