import { useState } from "react";
import { Form, Input, Modal, Select, Upload, type UploadFile, Button, message } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { uploadEvidence } from "./evidence";
import type { PublicityEntry } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import type { FactDefinition } from "./types";

/** Raises an objection against one entry during publicity: the contested indicator, the reason and evidence files. */
export function ObjectionModal({
  listId,
  entry,
  onClose,
}: {
  listId: string;
  entry: PublicityEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ indicator?: string; reason: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  // The contested indicator is chosen by its Chinese name from the policy's facts, never typed as a code.
  const vocabulary = useApiQuery<{ facts: FactDefinition[] }>("/public/points/facts");
  const { saving, submit, alert } = useSubmit(
    form,
    async (values: { indicator?: string; reason: string }, idempotencyKey) => {
      const fileIds: string[] = [];
      for (const file of files) if (file.originFileObj) fileIds.push(await uploadEvidence(file.originFileObj));
      await apiPost(
        `/publicity/lists/${listId}/objections`,
        { entryId: entry!.id, indicator: values.indicator || null, reason: values.reason, fileIds },
        idempotencyKey,
      );
      void message.success(t("points.saved"));
      form.resetFields();
      setFiles([]);
      onClose();
    },
  );
  return (
    <Modal
      open={entry !== null}
      title={`${t("points.objection")} · ${entry?.rank ?? "—"} ${entry?.maskedName ?? ""}`}
      onCancel={onClose}
      onOk={() => void form.validateFields().then(submit, () => undefined)}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "points-objection-submit" } as Record<string, string>}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="indicator" label={t("points.indicatorName")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t("points.chooseIndicator")}
            data-testid="points-objection-indicator"
            options={(vocabulary.data?.facts ?? []).map((fact) => ({ value: fact.name, label: fact.zh }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("points.reason")} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={3} data-testid="points-objection-reason" />
        </Form.Item>
        <Upload
          beforeUpload={() => false}
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          accept=".pdf,.jpg,.jpeg,.png"
          multiple
        >
          <Button icon={<UploadOutlined />}>{t("points.upload")}</Button>
        </Upload>
      </Form>
      <SubmitErrorAlert {...alert} />
    </Modal>
  );
}
