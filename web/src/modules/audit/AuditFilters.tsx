import { Button, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";

export interface AuditFilterValues {
  entityType?: string;
  action?: string;
  actorId?: string;
  entityId?: string;
}

const entityTypes = ["person", "household", "organisation", "account", "session"];

/** Filters of the audit log: entity type, action, actor, record id. */
export function AuditFilters({ initial, onApply }: { initial: AuditFilterValues; onApply: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
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
        <Input allowClear placeholder="person.update" className="filter-input" data-testid="audit-filter-action" />
      </Form.Item>
      <Form.Item name="actorId" label={t("audit.actor")}>
        <Input allowClear className="filter-input-short" data-testid="audit-filter-actorId" />
      </Form.Item>
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
