// The public satisfaction survey (a link or QR code handed to the people served): each question answered
// 1 (very dissatisfied) … 5 (very satisfied), one answer per mobile number, of which only a hash is kept.
import { Alert, Button, Card, Form, Input, Radio, Result, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";

type Survey = ApiResponse<"/services/surveys/{id}">;

export function SurveyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, error, reload } = useApiQuery<Survey>(`/services/surveys/${id}`);
  const [form] = Form.useForm<{ phone: string; answers: Record<string, number> }>();
  const [done, setDone] = useState(false);
  const { submit, alert, saving } = useSubmit(
    form,
    async (values: { phone: string; answers: Record<string, number> }, key: string) => {
      await apiPost(`/services/surveys/${id}/answers`, values, key);
      setDone(true);
    },
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  if (done) return <Result status="success" title={t("services.thanks")} data-testid="survey-thanks" />;
  return (
    <Card style={{ maxWidth: 720, margin: "24px auto" }}>
      <Typography.Title level={3}>{t("services.surveyPublicTitle")}</Typography.Title>
      <Typography.Paragraph>
        {data.needTitle} · {data.vendorName}
      </Typography.Paragraph>
      {!data.open ? <Alert type="warning" showIcon title={t("services.surveyClosed")} /> : null}
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} disabled={!data.open}>
        {data.questions.map((question) => (
          <Form.Item
            key={question.id}
            name={["answers", question.id]}
            label={question.text}
            rules={[{ required: true }]}
          >
            <Radio.Group
              data-testid={`survey-question-${question.id}`}
              options={[1, 2, 3, 4, 5].map((value) => ({ value, label: t(`services.answer.${value}`) }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="phone" label={t("services.phone")} rules={[{ required: true }]}>
          <Input inputMode="tel" maxLength={20} style={{ maxWidth: 240 }} data-testid="survey-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="survey-submit">
          {t("services.submitAnswer")}
        </Button>
      </Form>
    </Card>
  );
}
