import { Button, Form, InputNumber, Space, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { serverToday } from "../../api/today";

/** Opens a yearly cycle: window 1 September → 30 April, quotas published by 31 March (Reg. Art. 10). */
export function CreateCycleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; housingUnits: number }>();
  const { saving, submit, alert } = useSubmit(
    form,
    async ({ year, housingUnits }: { year: number; housingUnits: number }, idempotencyKey) => {
      await apiPost(
        "/points/cycles",
        {
          year,
          opensOn: `${year}-09-01`,
          closesOn: `${year + 1}-04-30`,
          quotasDueOn: `${year + 1}-03-31`,
          housingUnits,
        },
        idempotencyKey,
      );
      onDone();
    },
  );
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ year: serverToday().year(), housingUnits: 0 }}
        data-testid="points-cycle-create"
      >
        <Form.Item name="year" label={t("points.year")} rules={[{ required: true }]}>
          <InputNumber min={2014} max={2100} />
        </Form.Item>
        <Form.Item name="housingUnits" label={t("points.housingUnits")}>
          <InputNumber min={0} />
        </Form.Item>
        <Button htmlType="submit" loading={saving} data-testid="points-cycle-create-submit">
          {t("points.createCycle")}
        </Button>
      </Form>
      <SubmitErrorAlert {...alert} />
    </>
  );
}

function base64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Imports quotas from a CSV or XLSX file (town_code,purpose,grade,places or the published 2015 layout). */
export function QuotaImport({ cycleId, onDone }: { cycleId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const {
    saving,
    submit: send,
    alert,
  } = useSubmit(null, async (file: File) => {
    const body = /\.xlsx$/i.test(file.name)
      ? { xlsxBase64: base64(await file.arrayBuffer()) }
      : { csvBase64: base64(await file.arrayBuffer()) }; // the bytes: the server tells UTF-8 from GBK
    await apiPost(`/points/cycles/${cycleId}/quotas`, body);
    onDone();
  });
  return (
    <Space orientation="vertical">
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={saving} data-testid="points-quota-import">
          {t("points.importQuotas")}
        </Button>
      </Upload>
      <SubmitErrorAlert {...alert} />
    </Space>
  );
}
