import { useState } from "react";
import { App, Button, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch, applyFieldErrors } from "../../api/client";
import type { Person } from "../../api/types";
import { changedValues } from "../../components/formValues";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { PersonFields } from "./PersonFields";

interface Props {
  person: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  /** Loads the newer record after a version conflict. */
  onReload: () => void;
}

/** Edits a person with the version it read; a 409 shows who-saved-first with a reload button. */
export function PersonEditForm({ person, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    const changes = changedValues(person, values);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await apiPatch<Person>(`/persons/${person.id}`, { ...changes, version: person.version });
      message.success(t("action.saved"));
      onSaved(saved);
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
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone ?? undefined,
        hukouType: person.hukouType ?? undefined,
        townCode: person.townCode,
        communityId: person.communityId ?? undefined,
        address: person.address ?? undefined,
      }}
      onFinish={(values) => void submit(values)}
      data-testid="person-edit-form"
    >
      <SubmitErrorAlert
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <PersonFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="person-edit-submit">
          {t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </Space>
    </Form>
  );
}
