import { useRef, useState } from "react";
import { App, Button, Card, Form, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../../api/client";
import type { Organisation } from "../../../api/types";
import { withoutEmpty } from "../../../components/formValues";
import { SubmitErrorAlert } from "../../../components/SubmitErrorAlert";
import { useDefaultTown } from "../useDefaultTown";
import { OrganisationFields } from "./OrganisationFields";

/** Registers a social organisation, company or public institution. */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const defaultTown = useDefaultTown();

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(null);
    try {
      const organisation = await apiPost<Organisation>("/organisations", withoutEmpty(values), idempotencyKey.current);
      message.success(t("organisation.registered"));
      navigate(`/console/registry/organisations/${organisation.id}`);
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<Typography.Title level={4}>{t("organisation.register")}</Typography.Title>} className="form-card">
      <SubmitErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ townCode: defaultTown, kind: "social_organisation" }}
        onFinish={(values) => void submit(values)}
        data-testid="organisation-create-form"
      >
        <OrganisationFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="organisation-create-submit">
            {t("action.register")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("action.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
