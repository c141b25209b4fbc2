import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail, ExplanationStep } from "./case.types";

function shown(value: ExplanationStep["value"], yes: string, no: string): string {
  if (value === true) return yes;
  if (value === false) return no;
  return value === null ? "—" : String(value);
}

/** The amounts of a case and the rules engine's steps behind them, labelled in the UI language. */
export function AmountExplanation({ record }: { record: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  const steps = record.eligibility.steps;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="assistance-mine-amounts">
        <Descriptions.Item label={t("assistance.month")}>{record.eligibility.month}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.dibao")}>{record.eligibility.dibaoYuan}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.supplement")}>{record.eligibility.supplementYuan}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.mine.total")}>
          <strong>{record.eligibility.totalYuan}</strong>
        </Descriptions.Item>
      </Descriptions>
      {record.eligibility.reasons.map((reason) => (
        <Typography.Paragraph key={reason.rule} type="warning">
          {reason.message}
          {reason.reference ? `（${reason.reference}）` : ""}
        </Typography.Paragraph>
      ))}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t("assistance.mine.explanation")}
      </Typography.Title>
      {steps.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("assistance.mine.noExplanation")}</Typography.Paragraph>
      ) : (
        <Table<ExplanationStep>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={steps}
          data-testid="assistance-mine-explanation"
          columns={[
            {
              title: t("assistance.mine.step"),
              key: "label",
              render: (_: unknown, step) => (english ? step.en : step.zh),
            },
            {
              title: t("assistance.mine.value"),
              key: "value",
              align: "right",
              width: 170,
              render: (_: unknown, step) => shown(step.value, t("assistance.mine.yes"), t("assistance.mine.no")),
            },
            {
              title: t("assistance.mine.reference"),
              dataIndex: "reference",
              render: (value?: string) => <Typography.Text type="secondary">{value ?? ""}</Typography.Text>,
            },
          ]}
        />
      )}
    </>
  );
}
