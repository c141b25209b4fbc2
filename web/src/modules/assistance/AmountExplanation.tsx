import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail, ExplanationStep } from "./case.types";

function shown(step: ExplanationStep, english: boolean, yes: string, no: string): string {
  if (step.shown) return english ? step.shown.en : step.shown.zh;
  const value = step.value;
  if (value === true) return yes;
  if (value === false) return no;
  return value === null ? "—" : String(value);
}

/** A bilingual server message "中文 (English)" without its English part. */
export function chineseOnly(message: string): string {
  return message.replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, "");
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
          {english ? reason.message : chineseOnly(reason.message)}
          {reason.reference ? `（${english ? reason.reference : (reason.referenceZh ?? reason.reference)}）` : ""}
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
              render: (_: unknown, step) => shown(step, english, t("assistance.mine.yes"), t("assistance.mine.no")),
            },
            {
              title: t("assistance.mine.reference"),
              key: "reference",
              render: (_: unknown, step) => (
                <Typography.Text type="secondary">
                  {(english ? step.reference : (step.referenceZh ?? step.reference)) ?? ""}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
