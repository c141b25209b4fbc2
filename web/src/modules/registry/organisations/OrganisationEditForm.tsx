import { useState } from "react";
import { App, Button, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch, applyFieldErrors } from "../../../api/client";
import type { Organisation } from "../../../api/types";
import { changedValues } from "../../../components/formValues";
import { SubmitErrorAlert } from "../../../components/SubmitErrorAlert";
import { OrganisationFields } from "./OrganisationFields";

interface Props {
  organisation: Organisation;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Edits an organisation with the version it read; a 409 offers a reload instead of overwriting. */
export function OrganisationEditForm({ organisation, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    const { townCode: _townCode, ...editable } = values;
    const changes = changedValues(organisation, editable);
    // The API takes an empty address as "none" (null is only for phone and credit code).
    if (changes.address === null) changes.address = "";
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await apiPatch(`/organisations/${organisation.id}`, { ...changes, version: organisation.version });
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
      initialValues={{
        name: organisation.name,
        kind: organisation.kind,
        creditCode: organisation.creditCode ?? undefined,
        contactPhone: organisation.contactPhone ?? undefined,
        townCode: organisation.townCode,
        address: organisation.address ?? undefined,
      }}
      onFinish={(values) => void submit(values)}
      data-testid="organisation-edit-form"
    >
      <SubmitErrorAlert
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <OrganisationFields townLocked />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="organisation-edit-submit">
          {t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </Space>
    </Form>
  );
}
