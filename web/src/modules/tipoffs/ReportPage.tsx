// The public tip-off form: named or anonymous, with photos; the receipt code is shown once.
import { useState } from "react";
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Switch, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { StateTag, uploadTipoffPhoto } from "./shared";

type Categories = ApiResponse<"/tipoffs/categories">;
type Campaigns = ApiResponse<"/participation/campaigns">;
type ReportBody = ApiBody<"/tipoffs", "post">;
type Receipt = ApiResponse<"/tipoffs", "post">;
type ReportForm = Omit<ReportBody, "anonymous"> & { anonymous: boolean };

/** The report form, then the receipt. */
export function ReportPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportForm>();
  const towns = useTowns();
  const categories = useApiQuery<Categories>("/tipoffs/categories");
  const campaigns = useApiQuery<Campaigns>("/participation/campaigns");
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<{ receipt: Receipt; uploaded: number; photoError: unknown } | null>(null);
  const anonymous = Form.useWatch("anonymous", form) ?? true;
  const { submit, alert, saving } = useSubmit(form, async (values: ReportForm, key: string) => {
    const body: ReportBody = { ...values, reporter: values.anonymous ? undefined : values.reporter };
    const answer = await apiPost<Receipt>("/tipoffs", body, key);
    let uploaded = 0;
    let photoError: unknown = null;
    for (const photo of photos) {
      try {
        await uploadTipoffPhoto(answer.receiptCode, photo.originFileObj as File);
        uploaded += 1;
      } catch (error) {
        photoError = error;
      }
    }
    setReceipt({ receipt: answer, uploaded, photoError });
  });

  if (receipt) {
    const { receipt: r } = receipt;
    return (
      <Space orientation="vertical" size="middle" className="page-stack">
        <Typography.Title level={2}>{t("tipoffs.receiptTitle")}</Typography.Title>
        <Alert type="warning" showIcon title={t("tipoffs.receiptWarning")} />
        <Card>
          <Typography.Text>{t("tipoffs.receiptCode")}</Typography.Text>
          <Typography.Title level={3} copyable data-testid="receipt-code" style={{ fontFamily: "monospace" }}>
            {r.receiptCode}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: "reference", label: t("tipoffs.reference"), children: r.reference },
              { key: "category", label: t("tipoffs.category"), children: r.categoryName },
              { key: "department", label: t("tipoffs.department"), children: r.departmentName },
              { key: "state", label: t("tipoffs.state"), children: <StateTag state={r.state} /> },
              { key: "submitted", label: t("tipoffs.submittedOn"), children: r.submittedOn },
              { key: "due", label: t("tipoffs.dueOn"), children: r.dueOn },
            ]}
          />
          {receipt.uploaded > 0 ? (
            <Typography.Text>{t("tipoffs.photosUploaded", { count: receipt.uploaded })}</Typography.Text>
          ) : null}
          <SubmitErrorAlert error={receipt.photoError} />
        </Card>
        <Space>
          <Link to="/tipoffs/follow">
            <Button type="primary">{t("tipoffs.followNow")}</Button>
          </Link>
          <Button
            onClick={() => {
              form.resetFields();
              setPhotos([]);
              setReceipt(null);
            }}
          >
            {t("tipoffs.another")}
          </Button>
        </Space>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{t("tipoffs.reportTitle")}</Typography.Title>
      <Typography.Paragraph>{t("tipoffs.reportIntro")}</Typography.Paragraph>
      <Card>
        <SubmitErrorAlert {...alert} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={{ anonymous: true }}
        >
          <Space wrap>
            <Form.Item name="categoryCode" label={t("tipoffs.category")} rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                data-testid="tipoff-category"
                options={(categories.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              />
            </Form.Item>
            <Form.Item name="townCode" label={t("tipoffs.town")} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                style={{ width: 160 }}
                data-testid="tipoff-town"
                options={towns.items.map((town) => ({ value: town.code, label: town.name }))}
              />
            </Form.Item>
            <Form.Item name="campaignCode" label={t("tipoffs.campaign")}>
              <Select
                allowClear
                style={{ width: 180 }}
                options={(campaigns.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="place" label={t("tipoffs.place")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t("tipoffs.description")} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="anonymous" label={t("tipoffs.anonymous")} valuePropName="checked">
            <Switch data-testid="tipoff-anonymous" />
          </Form.Item>
          {anonymous ? null : (
            <>
              <Typography.Paragraph type="secondary">{t("tipoffs.identityNote")}</Typography.Paragraph>
              <Space wrap>
                <Form.Item name={["reporter", "name"]} label={t("tipoffs.reporterName")} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name={["reporter", "phone"]} label={t("tipoffs.reporterPhone")}>
                  <Input />
                </Form.Item>
                <Form.Item name={["reporter", "idNumber"]} label={t("tipoffs.reporterIdNumber")}>
                  <Input />
                </Form.Item>
                <Form.Item name={["reporter", "email"]} label={t("tipoffs.reporterEmail")}>
                  <Input />
                </Form.Item>
              </Space>
            </>
          )}
          <Form.Item label={t("tipoffs.photos")}>
            <Upload
              accept="image/jpeg,image/png"
              multiple
              maxCount={6}
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, 6))}
            >
              <Button>{t("tipoffs.choosePhotos")}</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="tipoff-submit">
            {t("tipoffs.submit")}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
