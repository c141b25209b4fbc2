import { Button, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "../../api/useApiQuery";
import type { ApiResponse } from "../../api/schema";
import { codeDictionary, codeLabel } from "../../i18n/codes";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AccountSelect } from "./AccountSelect";

export interface AuditFilterValues {
  entityType?: string;
  action?: string;
  actorId?: string;
  entityId?: string;
}

/** The record type an action is about, read from its name ("assistance.case.approved" → assistance_case). */
function actionEntity(action: string): string | undefined {
  const parts = action.split(".");
  for (let length = parts.length - 1; length >= 1; length -= 1) {
    const type = parts.slice(0, length).join("_");
    if (type in codeDictionary.entityType) return type;
  }
  return undefined;
}

/** Filters of the audit log: record type (every type found in the log, labelled), action, actor, record id. */
export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith("en");
  const [form] = Form.useForm<AuditFilterValues>();
  const { can } = useSession();
  const types = useApiQuery<ApiResponse<"/audit/entity-types">>("/audit/entity-types").data?.items ?? [];
  const actions = Object.keys(codeDictionary.action)
    .filter((action) => !action.startsWith("test."))
    .map((action) => {
      const entity = actionEntity(action);
      const verb = codeLabel("action", action, i18n.language).replace(/[：:]$/, "");
      return {
        value: action,
        label: entity ? `${codeLabel("entityType", entity, i18n.language)} · ${verb}` : verb,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, english ? "en" : "zh-CN"));
  return (
    <Form form={form} layout="inline" initialValues={initial} onFinish={onApply} data-testid="audit-filters">
      <Form.Item name="entityType" label={t("audit.entityType")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          className="filter-select-wide"
          placeholder={t("audit.any")}
          options={types.map((type) => ({ value: type.code, label: english ? type.label.en : type.label.zh }))}
          data-testid="audit-filter-entityType"
        />
      </Form.Item>
      <Form.Item name="action" label={t("audit.action")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          className="filter-select-wide"
          placeholder={t("audit.any")}
          options={actions}
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
