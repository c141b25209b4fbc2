import { useState } from "react";
import { App, Button, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch, applyFieldErrors } from "../../api/client";
import type { Household } from "../../api/types";
import { changedValues } from "../../components/formValues";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { HouseholdFields } from "./HouseholdFields";

interface Props {
  household: Household;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Edits a household's 镇区, community and address with the version it read. */
export function HouseholdEditForm({ household, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    const changes = changedValues(household, values);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await apiPatch(`/households/${household.id}`, { ...changes, version: household.version });
      message.success(t("action.saved"));
      onSaved();
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ townCode: household.townCode, communityId: household.communityId ?? undefined, address: household.address }}
      onFinish={(values) => void submit(values)}
      data-testid="household-edit-form"
    >
      <SubmitErrorAlert
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <HouseholdFields withHead={false} />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="household-edit-submit">
          {t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </Space>
    </Form>
  );
}
