// 社区导入 (programme admin): upload the communities of the 镇区 and their centres as CSV or XLSX, choose between
// importing only a file without errors and importing its good rows, and see what was added and updated and every
// bad row with its number and reason. What `gongzhi communities import` does (docs/operations.md).
import { useState } from "react";
import { Alert, Card, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { ImportFileControls } from "../../components/ImportFileControls";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import {
  badRowCount,
  fileField,
  importColumns,
  reasonIn,
  refusedRows,
  type BadRow,
  type ImportMode,
} from "./communitiesImport";
import { base64Of } from "../../components/fileBase64";

type ImportReport = ApiResponse<"/communities/imports", "post">;

/** The bad rows: row number, the column by its label, the reason in the user's language. */
function BadRowsTable({ rows }: { rows: readonly BadRow[] }) {
  const { t, i18n } = useTranslation();
  const columnLabel = (column: string) =>
    (importColumns as readonly string[]).includes(column) ? t(`communitiesImport.columns.${column}`) : column;
  return (
    <Table
      size="small"
      rowKey={(problem) => `${problem.row}-${problem.column}`}
      pagination={false}
      dataSource={[...rows]}
      data-testid="communities-import-bad-rows"
      columns={[
        { title: t("communitiesImport.row"), dataIndex: "row", width: 90 },
        { title: t("communitiesImport.column"), dataIndex: "column", width: 140, render: columnLabel },
        {
          title: t("communitiesImport.reason"),
          dataIndex: "message",
          render: (message: string) => reasonIn(message, i18n.language),
        },
      ]}
    />
  );
}

/** The import page. */
export function CommunitiesImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const { submit, alert, saving, error } = useSubmit(
    null,
    async (chosen: File, key: string) => {
      const body = { fileName: chosen.name, ...fileField(chosen.name, await base64Of(chosen)), mode };
      setReport(await apiPost<ImportReport>("/communities/imports", body, key));
    },
    { onFailure: () => setReport(null) },
  );
  const refused = refusedRows(error);
  return (
    <Space orientation="vertical" size="middle" className="page-stack" data-testid="communities-import-page">
      <Typography.Title level={3}>{t("communitiesImport.title")}</Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t("communitiesImport.hint")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("communitiesImport.matching")}</Typography.Paragraph>
        {refused.length === 0 ? <SubmitErrorAlert {...alert} /> : null}
        <ImportFileControls
          templatePath="/communities/import-template.xlsx"
          accept=".csv,.xlsx"
          mode={mode}
          onMode={setMode}
          file={file}
          onFile={setFile}
          saving={saving}
          onImport={(chosen) => void submit(chosen)}
          testId="communities-import"
        />
      </Card>
      {refused.length > 0 ? (
        <div data-testid="communities-import-refused">
          <Alert
            type="error"
            showIcon
            className="form-alert"
            title={t("communitiesImport.refused", { count: badRowCount(refused) })}
            description={t("communitiesImport.refusedHint")}
          />
          <BadRowsTable rows={refused} />
        </div>
      ) : null}
      {report ? (
        <div data-testid="communities-import-report">
          <Alert
            type={report.refused.length > 0 ? "warning" : "success"}
            showIcon
            className="form-alert"
            title={t("communitiesImport.imported", {
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              located: report.located,
            })}
            description={
              report.refused.length > 0
                ? t("communitiesImport.notImported", { count: badRowCount(report.refused) })
                : undefined
            }
          />
          {report.refused.length > 0 ? <BadRowsTable rows={report.refused} /> : null}
        </div>
      ) : null}
    </Space>
  );
}
