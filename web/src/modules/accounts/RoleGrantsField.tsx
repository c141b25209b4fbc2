import { Button, Col, Form, Row, Select } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useDepartments, useTowns } from "../../api/reference";
import { roleNames } from "./roles";

/** The role grants of an account as a list of rows: role, 镇区 (optional), department (optional). */
export function RoleGrantsField() {
  const { t, i18n } = useTranslation();
  const towns = useTowns();
  const departments = useDepartments();
  const english = i18n.language === "en";
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, grants?: unknown[]) => {
            if (!grants || grants.length === 0) throw new Error(t("account.rolesRequired"));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" data-testid={`role-grant-${field.name}`}>
              <Col span={8}>
                <Form.Item name={[field.name, "role"]} rules={[{ required: true, message: t("form.required") }]}>
                  <Select
                    placeholder={t("account.role")}
                    options={roleNames.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                    data-testid={`field-role-${field.name}`}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, "townCode"]}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: "label" }}
                    placeholder={t("account.townScope")}
                    options={towns.items.map((town) => ({
                      value: town.code,
                      label: english ? town.pinyin : town.name,
                    }))}
                    data-testid={`field-role-town-${field.name}`}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, "departmentCode"]}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: "label" }}
                    placeholder={t("account.department")}
                    options={departments.items.map((department) => ({
                      value: department.code,
                      label: department.name,
                    }))}
                    data-testid={`field-role-department-${field.name}`}
                  />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t("action.remove")}
                />
              </Col>
            </Row>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="add-role-grant">
              {t("account.addRole")}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
