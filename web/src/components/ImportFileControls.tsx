import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Space, Upload } from "antd";
import type { ReactNode } from "react";
import { apiUrl } from "../api/client";

/**
 * The row every import page shows under its mode choice: the template to download, the file picker (one file, kept
 * in the page until sent) and the import button, plus whatever the page adds after them. `testId` names the picker
 * `<testId>-choose-file`, the button `<testId>` and the template link `<testId>-template`.
 */
export function ImportFileControls(props: {
  templatePath: string;
  accept: string;
  labels: { template: string; choose: string; import: string };
  file: File | null;
  onFile: (file: File | null) => void;
  saving: boolean;
  onImport: (file: File) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { file, onFile, labels, testId } = props;
  return (
    <Space wrap>
      <a href={apiUrl(props.templatePath)} download data-testid={`${testId}-template`}>
        <Button icon={<DownloadOutlined />} tabIndex={-1}>
          {labels.template}
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
          {labels.choose}
        </Button>
      </Upload>
      <Button
        type="primary"
        disabled={!file}
        loading={props.saving}
        onClick={() => file && props.onImport(file)}
        data-testid={testId}
      >
        {labels.import}
      </Button>
      {props.children}
    </Space>
  );
}
