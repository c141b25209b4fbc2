import { Button, Upload, type UploadFile } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { uploadEvidence } from "../points/evidence";

/** Uploads each chosen file through the platform's POST /files and returns their ids, in order. */
export async function uploadAll(files: UploadFile[], townCode?: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) if (file.originFileObj) ids.push(await uploadEvidence(file.originFileObj, townCode));
  return ids;
}

/** A file chooser that keeps the files until the form is sent (nothing is uploaded before). */
export function EvidenceUpload({
  files,
  onChange,
  testId,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Upload
      beforeUpload={() => false}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      accept=".pdf,.jpg,.jpeg,.png"
      multiple
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {t("assistance.mine.upload")}
      </Button>
    </Upload>
  );
}
