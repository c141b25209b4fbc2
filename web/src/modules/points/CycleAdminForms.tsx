import { useState } from "react";
import { Button, Form, InputNumber, Space, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";

/** Opens a yearly cycle: window 1 September → 30 April, quotas published by 31 March (Reg. Art. 10). */
export function CreateCycleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; housingUnits: number }>();
  const [error, setError] = useState<unknown>(null);
  const submit = async ({ year, housingUnits }: { year: number; housingUnits: number }) => {
    setError(null);
    try {
      await apiPost("/points/cycles", { year, opensOn: `${year}-09-01`, closesOn: `${year + 1}-04-30`, quotasDueOn: `${year + 1}-03-31`, housingUnits }, newIdempotencyKey());
      onDone();
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
    }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ year: new Date().getFullYear(), housingUnits: 0 }} data-testid="points-cycle-create">
        <Form.Item name="year" label={t("points.year")} rules={[{ required: true }]}><InputNumber min={2014} max={2100} /></Form.Item>
        <Form.Item name="housingUnits" label={t("points.housingUnits")}><InputNumber min={0} /></Form.Item>
        <Button htmlType="submit" data-testid="points-cycle-create-submit">{t("points.createCycle")}</Button>
      </Form>
      {error ? <SubmitErrorAlert error={error} /> : null}
    </>
  );
}

function base64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Imports quotas from a CSV or XLSX file (town_code,purpose,grade,places or the published 2015 layout). */
export function QuotaImport({ cycleId, onDone }: { cycleId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = /\.xlsx$/i.test(file.name) ? { xlsxBase64: base64(await file.arrayBuffer()) } : { csv: await file.text() };
      await apiPost(`/points/cycles/${cycleId}/quotas`, body);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical">
      <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="points-quota-import">{t("points.importQuotas")}</Button>
      </Upload>
      {error ? <SubmitErrorAlert error={error} /> : null}
    </Space>
  );
}
