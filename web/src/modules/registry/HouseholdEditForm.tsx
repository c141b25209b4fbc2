import { useState } from "react";
import { App, Button, Form, Select, Space } from "antd";
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
    const { townCode: _townCode, ...editable } = values;
    const changes = changedValues(household, editable);
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
      initialValues={{
        townCode: household.townCode,
        communityId: household.communityId ?? undefined,
        address: household.address,
        headPersonId: household.headPersonId ?? undefined,
      }}
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
      <HouseholdFields withHead={false} townLocked />
      <Form.Item name="headPersonId" label={t("household.head")} extra={t("household.headHint")}>
        <Select
          options={(household.members ?? []).map((member) => ({ value: member.personId, label: member.name }))}
          data-testid="field-headPersonId"
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="household-edit-submit">
          {t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </Space>
    </Form>
  );
}
