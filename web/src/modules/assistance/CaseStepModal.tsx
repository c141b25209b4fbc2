import { useState, type ReactNode } from "react";
import { Form, type UploadFile } from "antd";
import { apiPost, applyFieldErrors } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { EvidenceUpload, uploadAll } from "./EvidenceUpload";

interface Props {
  title: ReactNode;
  okText: string;
  /** The route under /assistance/cases/:id/ ("appeal", "changes", "stop", …). */
  step: string;
  caseId: string;
  /** The 镇区 the evidence files are filed under, when the step takes files. */
  filesTown?: string;
  testId: string;
  initialValues?: Record<string, unknown>;
  /** Turns the form's values (and the uploaded file ids) into the request body. */
  body: (values: Record<string, unknown>, fileIds: string[]) => unknown;
  onClose: () => void;
  onDone: () => void;
  width?: number;
  children: ReactNode;
}

/** A compact dialog for one write on a case: the server's field errors land under the fields, other errors above them. */
export function CaseStepModal({ title, okText, step, caseId, filesTown, testId, initialValues, body, onClose, onDone, width, children }: Props) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    setSaving(true);
    setError(null);
    try {
      const fileIds = filesTown === undefined ? [] : await uploadAll(files, filesTown);
      await apiPost(`/assistance/cases/${caseId}/${step}`, body(values, fileIds));
      onDone();
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal open title={title} okText={okText} submitTestId={`${testId}-submit`} saving={saving} error={error} onSubmit={submit} onCancel={onClose} onReload={() => { onDone(); onClose(); }} width={width}>
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={`${testId}-form`}>
        {children}
        {filesTown !== undefined ? <EvidenceUpload files={files} onChange={setFiles} testId={`${testId}-upload`} /> : null}
      </Form>
    </FormModal>
  );
}
