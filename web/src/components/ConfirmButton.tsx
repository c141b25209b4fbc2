import { Button, Popconfirm, type ButtonProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A button for an irreversible step: it asks first, naming the consequence, and acts only on 确定. The confirm
 * button carries `${testId}-confirm` so browser tests confirm the way a person does.
 */
export function ConfirmButton(
  props: Omit<ButtonProps, "onClick"> & {
    /** What happens, in one sentence: "公布后名单进入公示期，不能撤回。" */
    consequence: ReactNode;
    onConfirm: () => unknown;
    testId: string;
  },
) {
  const { consequence, onConfirm, testId, children, ...button } = props;
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={children}
      description={<div style={{ maxWidth: 320 }}>{consequence}</div>}
      okText={t("confirm.ok")}
      cancelText={t("confirm.cancel")}
      okButtonProps={{ "data-testid": `${testId}-confirm` } as ButtonProps}
      onConfirm={() => void onConfirm()}
    >
      <Button {...button} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}
