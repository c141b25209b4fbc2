import { useState } from "react";
import { Alert, Button, Input, Space, Typography } from "antd";
import { LinkOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiGet, ApiError } from "../../api/client";
import type { PersonLookup } from "../../api/types";

interface Props {
  /** The linked person's id (the form field `personId`); null or empty when not linked. */
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/**
 * Links an account to a person by their exact ID number (admins only, no search): shows the masked name found,
 * so the admin can confirm, and sets the form field `personId`; "unlink" clears it.
 */
export function PersonLinkField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<PersonLookup | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  const lookUp = async (idNumber: string) => {
    if (!idNumber.trim()) return;
    setLooking(true);
    setProblem(null);
    try {
      const result = await apiGet<PersonLookup>("/accounts/person-lookup", { idNumber: idNumber.trim() });
      setFound(result);
      onChange?.(result.personId);
    } catch (error) {
      setFound(null);
      if (error instanceof ApiError && error.status === 404) setProblem(t("account.personNotFound"));
      else if (error instanceof ApiError && error.fields.idNumber) setProblem(error.fields.idNumber);
      else setProblem(error instanceof ApiError && error.message ? error.message : t("error.unexpected"));
    } finally {
      setLooking(false);
    }
  };

  const unlink = () => {
    setFound(null);
    onChange?.(null);
  };

  return (
    <Space orientation="vertical" className="page-stack">
      <Input.Search
        placeholder={t("account.personLookupPlaceholder")}
        enterButton={t("account.personLookup")}
        loading={looking}
        allowClear
        maxLength={18}
        onSearch={(text) => void lookUp(text)}
        data-testid="field-person-idNumber"
      />
      {problem ? <Alert type="error" showIcon title={problem} data-testid="person-lookup-error" /> : null}
      {value ? (
        <Alert
          type="success"
          showIcon
          icon={<LinkOutlined />}
          data-testid="person-link"
          title={
            found && found.personId === value
              ? t("account.personFound", { name: found.maskedName })
              : t("account.personLinked")
          }
          description={
            found && found.personId === value ? (
              found.linkedAccounts.length > 0 ? (
                <Typography.Text type="warning">
                  {t("account.personAlreadyLinked", { usernames: found.linkedAccounts.join(", ") })}
                </Typography.Text>
              ) : null
            ) : (
              <Typography.Text type="secondary" className="mono">
                {String(value)}
              </Typography.Text>
            )
          }
          action={
            <Button size="small" onClick={unlink} data-testid="person-unlink">
              {t("account.personUnlink")}
            </Button>
          }
        />
      ) : null}
    </Space>
  );
}
