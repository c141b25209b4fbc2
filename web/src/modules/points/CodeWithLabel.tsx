import { Typography } from "antd";

/**
 * A code's label first, the code itself after it in small grey text: people read the label, and the code stays
 * visible for the forms that still ask for one (the objection's indicator) and for support.
 */
export function CodeWithLabel({ label, code }: { label: string; code: string | null | undefined }) {
  if (!code) return <>—</>;
  if (label === code || !label) return <>{code}</>;
  return (
    <>
      {label}{" "}
      <Typography.Text type="secondary" className="points-code">
        {code}
      </Typography.Text>
    </>
  );
}
