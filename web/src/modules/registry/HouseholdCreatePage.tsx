import { useRef, useState } from "react";
import { App, Button, Card, Form, Space, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiPost, applyFieldErrors, newIdempotencyKey } from "../../api/client";
import type { Household } from "../../api/types";
import { withoutEmpty } from "../../components/formValues";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { HouseholdFields } from "./HouseholdFields";
import { useDefaultTown } from "./useDefaultTown";

/** Registers a new household with its address and head. */
export function HouseholdCreatePage() {
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
      const household = await apiPost<Household>("/households", withoutEmpty(values), idempotencyKey.current);
      message.success(t("registry.householdRegistered"));
      navigate(`/console/registry/households/${household.id}`);
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
      idempotencyKey.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<Typography.Title level={4}>{t("registry.registerHousehold")}</Typography.Title>} className="form-card">
      <SubmitErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ townCode: defaultTown }}
        onFinish={(values) => void submit(values)}
        data-testid="household-create-form"
      >
        <HouseholdFields withHead />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="household-create-submit">
            {t("action.register")}
          </Button>
          <Button onClick={() => navigate(-1)}>{t("action.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
