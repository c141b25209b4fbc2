import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch, apiPost } from "../../api/client";
import type { Account, RoleGrant } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { PersonLinkField } from "./PersonLinkField";
import { RoleGrantsField } from "./RoleGrantsField";

interface Props {
  /** The account to edit; null creates a new one. */
  account: Account | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  /** Loads the accounts again after a version conflict. */
  onReload: () => void;
}

interface AccountValues {
  username?: string;
  displayName?: string;
  password?: string;
  roles: RoleGrant[];
  personId?: string | null;
}

/** Creates an account, or edits one's display name, roles, password and linked person (with its version). */
export function AccountFormModal({ account, open, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();
  const creating = account === null;
  const { can } = useSession();
  const mayLinkPerson = can("accounts.personLookup");
  const submission = useSubmit(
    form,
    async (values: AccountValues, idempotencyKey) => {
      const roles = values.roles.map((grant) => ({
        role: grant.role,
        ...(grant.townCode ? { townCode: grant.townCode } : {}),
        ...(grant.departmentCode ? { departmentCode: grant.departmentCode } : {}),
      }));
      if (creating) {
        await apiPost(
          "/accounts",
          {
            username: values.username?.trim(),
            displayName: values.displayName?.trim(),
            password: values.password,
            roles,
            ...(values.personId ? { personId: values.personId } : {}),
          },
          idempotencyKey,
        );
        message.success(t("account.created"));
      } else {
        await apiPatch(`/accounts/${account.id}`, {
          version: account.version,
          displayName: values.displayName?.trim(),
          roles,
          ...(values.password ? { password: values.password } : {}),
          ...(mayLinkPerson && (values.personId ?? null) !== (account.personId ?? null)
            ? { personId: values.personId ?? null }
            : {}),
        });
        message.success(t("action.saved"));
      }
      onSaved();
    },
    { onReload },
  );

  return (
    <FormModal
      open={open}
      width={720}
      title={creating ? t("account.create") : t("account.editTitle", { username: account.username })}
      okText={creating ? t("account.create") : t("action.save")}
      submitTestId="account-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Form<AccountValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          creating
            ? { roles: [{ role: "clerk" } as RoleGrant], personId: null }
            : { displayName: account.displayName ?? "", roles: account.roles, personId: account.personId ?? null }
        }
        data-testid="account-form"
      >
        {creating ? (
          <Form.Item
            name="username"
            label={t("account.username")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
          >
            <Input autoComplete="off" data-testid="field-username" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="displayName"
          label={t("account.displayName")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input data-testid="field-displayName" />
        </Form.Item>
        <Form.Item
          name="password"
          label={creating ? t("account.password") : t("account.newPassword")}
          extra={creating ? undefined : t("account.newPasswordHint")}
          rules={creating ? [{ required: true, message: t("form.required") }] : []}
        >
          <Input.Password autoComplete="new-password" data-testid="field-password" />
        </Form.Item>
        <Form.Item label={t("account.roles")} required>
          <RoleGrantsField />
        </Form.Item>
        {mayLinkPerson ? (
          <Form.Item name="personId" label={t("account.person")} extra={t("account.personHint")}>
            <PersonLinkField />
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
}
