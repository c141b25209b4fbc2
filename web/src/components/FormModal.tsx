import type { ReactNode } from "react";
import { Modal } from "antd";
import { useTranslation } from "react-i18next";
import { SubmitErrorAlert } from "./SubmitErrorAlert";

interface Props {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** The `data-testid` of the OK button. */
  submitTestId: string;
  saving: boolean;
  error: unknown;
  /** Validates and sends the form (a rejected validation is ignored: the fields show it). */
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  /** Offered on a version conflict. */
  onReload?: () => void;
  width?: number;
  children: ReactNode;
}

/** The shell of a form in a dialog: OK/cancel, the saving state, the submit error above the fields. */
export function FormModal({ open, title, okText, submitTestId, saving, error, onSubmit, onCancel, onReload, width, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      width={width}
      title={title}
      okText={okText}
      cancelText={t("action.cancel")}
      confirmLoading={saving}
      onOk={() => void onSubmit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{ "data-testid": submitTestId } as Record<string, string>}
    >
      <SubmitErrorAlert error={error} onReload={onReload} />
      {children}
    </Modal>
  );
}
