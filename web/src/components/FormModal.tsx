import type { ReactNode } from "react";
import { Modal, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";
import { SubmitErrorAlert } from "./SubmitErrorAlert";
import type { Submission } from "./useSubmit";

interface Props<Values> {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** The `data-testid` of the OK button. */
  submitTestId: string;
  /** The form in the dialog: OK validates it (a refused validation shows under the fields) and submits its values. */
  form: FormInstance<Values>;
  /** The form's useSubmit: the saving state, the error above the fields and, when given, the conflict's reload. */
  submission: Pick<Submission<Values, unknown>, "saving" | "submit" | "clearError" | "alert">;
  /** Closes the dialog (the error is cleared first). */
  onCancel: () => void;
  width?: number;
  children: ReactNode;
}

/** The shell of a form in a dialog: OK/cancel, the saving state, the submit error above the fields. */
export function FormModal<Values>({
  open,
  title,
  okText,
  submitTestId,
  form,
  submission,
  onCancel,
  width,
  children,
}: Props<Values>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      width={width}
      title={title}
      okText={okText}
      cancelText={t("action.cancel")}
      confirmLoading={submission.saving}
      onOk={() => void form.validateFields().then(submission.submit, () => undefined)}
      onCancel={() => {
        submission.clearError();
        onCancel();
      }}
      destroyOnHidden
      okButtonProps={{ "data-testid": submitTestId } as Record<string, string>}
    >
      <SubmitErrorAlert {...submission.alert} />
      {children}
    </Modal>
  );
}
