import { useState } from "react";
import { Alert, Button, Space, Table } from "antd";
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiGet } from "../../api/client";
import type { AuditVerification } from "../../api/types";
import { describeError } from "../../components/ErrorResult";
import { useSubmit } from "../../components/useSubmit";

/** The "verify chain" button and its answer: intact, or where the hash chain is broken and why. */
export function ChainVerification() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const {
    saving: running,
    submit: verify,
    error,
  } = useSubmit(null, async () => setResult(await apiGet<AuditVerification>("/audit/verify")), {
    onFailure: () => setResult(null),
  });

  return (
    <Space orientation="vertical" className="page-stack">
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={running}
        onClick={() => void verify(undefined)}
        data-testid="audit-verify"
      >
        {t("audit.verify")}
      </Button>
      {error ? <Alert type="error" showIcon title={describeError(error, t)} /> : null}
      {result?.ok ? (
        <Alert
          type="success"
          showIcon
          title={t("audit.intact", { count: result.checked })}
          description={
            result.head ? (
              <span className="mono" data-testid="audit-head">
                {t("audit.head", result.head)}
              </span>
            ) : null
          }
          data-testid="audit-verify-ok"
        />
      ) : null}
      {result && !result.ok ? (
        <Alert
          type="error"
          showIcon
          data-testid="audit-verify-problems"
          title={t("audit.broken", { count: result.problems.length, checked: result.checked })}
          description={
            <Table
              size="small"
              pagination={false}
              rowKey={(problem) => `${problem.position}-${problem.id}`}
              dataSource={result.problems}
              columns={[
                { title: t("audit.position"), dataIndex: "position" },
                { title: t("audit.entryId"), dataIndex: "id", className: "mono" },
                { title: t("audit.reason"), dataIndex: "reason" },
              ]}
            />
          }
        />
      ) : null}
    </Space>
  );
}
