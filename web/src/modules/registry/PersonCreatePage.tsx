import { useRef, useState } from "react";
import { App, Button, Card, Form, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../api/client";
import type { Person } from "../../api/types";
import { withoutEmpty } from "../../components/formValues";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { PersonFields } from "./PersonFields";
import { useDefaultTown } from "./useDefaultTown";

/** Registers a new person; server field errors (ID number, phone…) appear under their fields. */
export function PersonCreatePage() {
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
      const person = await apiPost<Person>("/persons", withoutEmpty(values), idempotencyKey.current);
      message.success(t("registry.personRegistered"));
      navigate(`/console/registry/persons/${person.id}`);
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<Typography.Title level={4}>{t("registry.registerPerson")}</Typography.Title>} className="form-card">
      <SubmitErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ townCode: defaultTown, hukouType: "migrant" }}
        onFinish={(values) => void submit(values)}
        data-testid="person-create-form"
      >
        <PersonFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="person-create-submit">
            {t("action.register")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("action.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
