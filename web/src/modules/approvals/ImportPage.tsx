// 审批事项导入 (programme admin): upload the catalogue as XLSX, see what was added and updated and each refused row.
import { useState } from "react";
import { Alert, Card, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { ImportFileControls, type ImportMode } from "../../components/ImportFileControls";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { base64Of } from "../../components/fileBase64";

type ImportReport = ApiResponse<"/approvals/imports", "post">;

/** The import page. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const { submit, alert, saving } = useSubmit(
    null,
    async (chosen: File, key: string) => {
      const body = { fileName: chosen.name, xlsxBase64: await base64Of(chosen), mode };
      setReport(await apiPost<ImportReport>("/approvals/imports", body, key));
    },
    { onFailure: () => setReport(null) },
  );
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("approvals.importTitle")}</Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t("approvals.importHint")}</Typography.Paragraph>
        <SubmitErrorAlert {...alert} />
        <ImportFileControls
          templatePath="/approvals/import-template.xlsx"
          accept=".xlsx"
          mode={mode}
          onMode={setMode}
          file={file}
          onFile={setFile}
          saving={saving}
          onImport={(chosen) => void submit(chosen)}
          testId="approvals-import"
        >
          <Link to="/portal/approvals">{t("approvals.title")}</Link>
        </ImportFileControls>
      </Card>
      {report ? (
        <div data-testid="approvals-import-report">
          <Alert
            type={report.rowsRefused > 0 ? "warning" : "success"}
            showIcon
            title={t("approvals.importReport", {
              total: report.rowsTotal,
              created: report.rowsCreated,
              updated: report.rowsUpdated,
              refused: report.rowsRefused,
            })}
          />
          {report.problems.length > 0 ? (
            <Table
              size="small"
              rowKey={(problem) => `${problem.row}-${problem.column}`}
              pagination={false}
              dataSource={report.problems}
              columns={[
                { title: t("approvals.row"), dataIndex: "row" },
                { title: t("approvals.column"), dataIndex: "column" },
                { title: t("approvals.problem"), dataIndex: "message" },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Space>
  );
}
