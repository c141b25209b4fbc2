import { AutoComplete, Button, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AccountSelect } from "./AccountSelect";

export interface AuditFilterValues {
  entityType?: string;
  action?: string;
  actorId?: string;
  entityId?: string;
}

const entityTypes = ["person", "household", "organisation", "account"];

/** Actions the platform records; the field also takes any other action name. */
const knownActions = [
  "person.create",
  "person.update",
  "person.read",
  "household.create",
  "household.update",
  "household.read",
  "household.member_add",
  "household.member_end",
  "organisation.create",
  "organisation.update",
  "organisation.read",
  "account.create",
  "account.update",
  "account.locked",
  "session.login",
  "session.logout",
];

/** Filters of the audit log: entity type, action, actor, record id. */
export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const { can } = useSession();
  return (
    <Form form={form} layout="inline" initialValues={initial} onFinish={onApply} data-testid="audit-filters">
      <Form.Item name="entityType" label={t("audit.entityType")}>
        <Select
          allowClear
          className="filter-select"
          placeholder={t("audit.any")}
          options={entityTypes.map((type) => ({ value: type, label: t(`entityType.${type}`) }))}
          data-testid="audit-filter-entityType"
        />
      </Form.Item>
      <Form.Item name="action" label={t("audit.action")}>
        <AutoComplete
          allowClear
          className="filter-select-wide"
          placeholder={t("audit.any")}
          options={knownActions.map((action) => ({
            value: action,
            label: `${t(`auditAction.${action}`)} · ${action}`,
          }))}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? "")
                .toLowerCase()
                .includes(input.toLowerCase()),
          }}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      {can(ability.accountsRead) ? (
        <Form.Item name="actorId" label={t("audit.actor")}>
          <AccountSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="entityId" label={t("audit.entityId")}>
        <Input allowClear className="filter-input-short" data-testid="audit-filter-entityId" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="audit-filter-apply">
          {t("action.filter")}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ entityType: undefined, action: undefined, actorId: undefined, entityId: undefined });
            onApply({});
          }}
        >
          {t("action.reset")}
        </Button>
      </Space>
    </Form>
  );
}
