import type { ReactNode } from "react";
import { App, Button, Form, Space } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch } from "../api/client";
import { changedValues } from "./formValues";
import { SubmitErrorAlert } from "./SubmitErrorAlert";
import { useSubmit } from "./useSubmit";

interface Props<Record extends { id: string; version: number }> {
  record: Record;
  /** The API path to PATCH ("/persons/12"). */
  path: string;
  initialValues: { [field: string]: unknown };
  /** Prefix of the test ids: `<prefix>-edit-form`, `<prefix>-edit-submit`. */
  testIdPrefix: string;
  /** Fields shown but never sent (e.g. a locked 镇区). */
  readOnlyFields?: string[];
  /** Last changes to the changed values before sending. */
  adjust?: (changes: { [field: string]: unknown }) => void;
  onSaved: (saved: Record) => void;
  onCancel: () => void;
  /** Loads the newer record after a version conflict. */
  onReload: () => void;
  children: ReactNode;
}

/**
 * The shell of an edit form: sends only the changed fields with the version it read (nothing changed = cancel),
 * shows a 409 as "someone saved first" with a reload button, puts server field errors under their fields.
 */
export function VersionedEditForm<Record extends { id: string; version: number }>(props: Props<Record>) {
  const {
    record,
    path,
    initialValues,
    testIdPrefix,
    readOnlyFields = [],
    adjust,
    onSaved,
    onCancel,
    onReload,
    children,
  } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { saving, submit, alert } = useSubmit(
    form,
    async (values: { [field: string]: unknown }) => {
      const editable = Object.fromEntries(Object.entries(values).filter(([field]) => !readOnlyFields.includes(field)));
      const changes = changedValues(record, editable);
      adjust?.(changes);
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      const saved = await apiPatch<Record>(path, { ...changes, version: record.version });
      message.success(t("action.saved"));
      onSaved(saved);
    },
    { onReload },
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      data-testid={`${testIdPrefix}-edit-form`}
    >
      <SubmitErrorAlert {...alert} />
      {children}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid={`${testIdPrefix}-edit-submit`}>
          {t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </Space>
    </Form>
  );
}
