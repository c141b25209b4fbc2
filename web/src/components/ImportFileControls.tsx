import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Radio, Space, Upload } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { apiUrl } from "../api/client";

/** How an import treats bad rows (the request's `mode`): nothing imported unless all are good, or the good ones. */
export type ImportMode = "all_or_nothing" | "good_rows";

/**
 * What every import page shows: the choice between all or nothing and the good rows, then the template to download,
 * the file picker (one file, kept in the page until sent) and the import button, plus whatever the page adds after
 * them, in the same words on every page (`importFile.*`). `testId` names the choice `<testId>-mode` (its second option `<testId>-good-rows`), the picker
 * `<testId>-choose-file`, the button `<testId>` and the template link `<testId>-template`.
 */
export function ImportFileControls(props: {
  templatePath: string;
  accept: string;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  saving: boolean;
  onImport: (file: File) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { file, onFile, testId } = props;
  return (
    <>
      <Radio.Group
        value={props.mode}
        onChange={(event) => props.onMode(event.target.value as ImportMode)}
        aria-label={t("importFile.mode")}
        data-testid={`${testId}-mode`}
        style={{ display: "block", marginBottom: 12 }}
      >
        <Radio value="all_or_nothing">{t("importFile.allOrNothing")}</Radio>
        <Radio value="good_rows" data-testid={`${testId}-good-rows`}>
          {t("importFile.goodRows")}
        </Radio>
      </Radio.Group>
      <Space wrap>
        <a href={apiUrl(props.templatePath)} download data-testid={`${testId}-template`}>
          <Button icon={<DownloadOutlined />} tabIndex={-1}>
            {t("importFile.template")}
          </Button>
        </a>
        <Upload
          accept={props.accept}
          maxCount={1}
          beforeUpload={(chosen) => {
            onFile(chosen);
            return false;
          }}
          onRemove={() => onFile(null)}
        >
          <Button icon={<UploadOutlined />} data-testid={`${testId}-choose-file`}>
            {t("importFile.choose")}
          </Button>
        </Upload>
        <Button
          type="primary"
          disabled={!file}
          loading={props.saving}
          onClick={() => file && props.onImport(file)}
          data-testid={testId}
        >
          {t("importFile.import")}
        </Button>
        {props.children}
      </Space>
    </>
  );
}
