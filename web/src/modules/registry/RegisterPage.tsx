import type { ReactNode } from "react";
import { App, Button, Card, Form, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { withoutEmpty } from "../../components/formValues";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";

interface Props {
  title: string;
  /** The API path to POST ("/persons"); the new record's page is `/console/registry<path>/<id>`. */
  path: string;
  /** The message shown once registered. */
  registered: string;
  initialValues: { [field: string]: unknown };
  /** Prefix of the test ids: `<prefix>-create-form`, `<prefix>-create-submit`. */
  testIdPrefix: string;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * The shell of a registration page: sends the filled-in fields once (Idempotency-Key, renewed after a refusal),
 * puts server field errors under their fields, and opens the new record.
 */
export function RegisterPage({ title, path, registered, initialValues, testIdPrefix, children }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { error, saving, submit } = useSubmit(form, async (values: { [field: string]: unknown }, idempotencyKey) => {
    const created = await apiPost<{ id: string }>(path, withoutEmpty(values), idempotencyKey);
    message.success(registered);
    navigate(`/console/registry${path}/${created.id}`);
  });

  return (
    <Card title={<Typography.Title level={4}>{title}</Typography.Title>} className="form-card">
      <SubmitErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        data-testid={`${testIdPrefix}-create-form`}
      >
        {children}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid={`${testIdPrefix}-create-submit`}>
            {t("action.register")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("action.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
