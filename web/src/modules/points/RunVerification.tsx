import { Collapse, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Run } from "./types";

/**
 * 核验信息 of a ranking run, folded away: the input and result fingerprints (SHA-256) with a plain sentence on what
 * they are for. An auditor re-runs the ranking over the same inputs and compares them; nobody else needs them.
 */
export function RunVerification({ run }: { run: Pick<Run, "id" | "inputHash" | "resultHash" | "policyId"> }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      data-testid="points-run-verification"
      items={[
        {
          key: "verification",
          label: t("points.verification.title"),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t("points.verification.explain")}</Typography.Paragraph>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t("points.verification.policy")}>{run.policyId}</Descriptions.Item>
                <Descriptions.Item label={t("points.inputHash")}>
                  <Typography.Text code copyable>
                    {run.inputHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t("points.resultHash")}>
                  <Typography.Text code copyable>
                    {run.resultHash}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </>
          ),
        },
      ]}
    />
  );
}
