import { useState } from "react";
import { Button, Form, InputNumber, Select, Switch, Upload, type UploadFile } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { uploadEvidence } from "./evidence";
import type { FactDefinition } from "./types";
import { enumOptions } from "./factValues";

const declarable = (fact: FactDefinition) =>
  ["enum", "count", "boolean"].includes(fact.type) &&
  !["criminal_penalty_5y", "administrative_detentions_3y"].includes(fact.name);

/** Declares one fact with its evidence file(s); the server checks the value against the scorecard's vocabulary. */
export function DeclareFactForm({
  enrolmentId,
  townCode,
  onDone,
}: {
  enrolmentId: string;
  townCode: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { data } = useApiQuery<{ facts: FactDefinition[] }>("/public/points/facts");
  const [form] = Form.useForm<{ fact: string; value: unknown }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const chosen = Form.useWatch("fact", form);
  const definition = data?.facts.find((fact) => fact.name === chosen);

  const { saving, submit, alert } = useSubmit(form, async (values: { fact: string; value: unknown }) => {
    const fileIds: string[] = [];
    for (const file of files) if (file.originFileObj) fileIds.push(await uploadEvidence(file.originFileObj, townCode));
    await apiRequest("PUT", `/points/enrolments/${enrolmentId}/facts/${values.fact}`, {
      body: { value: values.value ?? (definition?.type === "boolean" ? false : undefined), fileIds },
    });
    form.resetFields();
    setFiles([]);
    onDone();
  });

  return (
    <>
      <Form form={form} layout="inline" onFinish={submit} data-testid="points-declare-form">
        <Form.Item name="fact" label={t("points.fact")} rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            showSearch
            optionFilterProp="label"
            data-testid="points-declare-fact"
            options={(data?.facts ?? []).filter(declarable).map((fact) => ({ value: fact.name, label: fact.zh }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t("points.value")}
          valuePropName={definition?.type === "boolean" ? "checked" : "value"}
        >
          {definition?.type === "enum" ? (
            <Select style={{ width: 160 }} options={enumOptions(definition, i18n.language === "en")} />
          ) : definition?.type === "boolean" ? (
            <Switch />
          ) : (
            <InputNumber min={0} data-testid="points-declare-value" />
          )}
        </Form.Item>
        <Form.Item label={t("points.evidence")}>
          <Upload
            beforeUpload={() => false}
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            accept=".pdf,.jpg,.jpeg,.png"
            multiple
          >
            <Button icon={<UploadOutlined />} data-testid="points-declare-upload">
              {t("points.upload")}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="points-declare-submit">
          {t("points.declare")}
        </Button>
      </Form>
      <SubmitErrorAlert {...alert} />
    </>
  );
}
