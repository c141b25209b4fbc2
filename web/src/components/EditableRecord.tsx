import { useState, type ReactNode } from "react";
import { Button, Card, Space, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";

interface Props {
  title: ReactNode;
  /** Prefix of the test ids: `<prefix>-title`, `<prefix>-edit`. */
  testIdPrefix: string;
  /** Whether the caller may edit (from the session's abilities). */
  mayEdit: boolean;
  /** The record as read. */
  details: ReactNode;
  /** The edit form shown instead of the details; `close` goes back to the details (after save or cancel). */
  editForm: (close: () => void) => ReactNode;
  /** Cards below the record (members, history…). */
  children?: ReactNode;
}

/** The page of one record: title, an edit button for those who may, the details or the edit form, then more cards. */
export function EditableRecord({ title, testIdPrefix, mayEdit, details, editForm, children }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4} data-testid={`${testIdPrefix}-title`}>
          {title}
        </Typography.Title>
        {mayEdit && !editing ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`${testIdPrefix}-edit`}>
            {t("action.edit")}
          </Button>
        ) : null}
      </div>
      <Card size="small">{editing ? editForm(() => setEditing(false)) : details}</Card>
      {children}
    </Space>
  );
}
