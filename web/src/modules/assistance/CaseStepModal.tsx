import { useState, type ReactNode } from "react";
import { Form, type UploadFile } from "antd";
import { apiPost } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { useSubmit } from "../../components/useSubmit";
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
export function CaseStepModal({
  title,
  okText,
  step,
  caseId,
  filesTown,
  testId,
  initialValues,
  body,
  onClose,
  onDone,
  width,
  children,
}: Props) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const finish = () => {
    onDone();
    onClose();
  };
  const submission = useSubmit(
    form,
    async (values: Record<string, unknown>) => {
      const fileIds = filesTown === undefined ? [] : await uploadAll(files, filesTown);
      await apiPost(`/assistance/cases/${caseId}/${step}`, body(values, fileIds));
      finish();
    },
    { onReload: finish },
  );

  return (
    <FormModal
      open
      title={title}
      okText={okText}
      submitTestId={`${testId}-submit`}
      form={form}
      submission={submission}
      onCancel={onClose}
      width={width}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={`${testId}-form`}>
        {children}
        {filesTown !== undefined ? (
          <EvidenceUpload files={files} onChange={setFiles} testId={`${testId}-upload`} />
        ) : null}
      </Form>
    </FormModal>
  );
}
