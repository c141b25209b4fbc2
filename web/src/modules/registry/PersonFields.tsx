import { Col, Form, Input, Radio, Row } from "antd";
import { useTranslation } from "react-i18next";
import { TownCommunityFields } from "./TownCommunityFields";

/** The editable fields of a person; the ID number is checked by the server and its error shows under the field. */
export function PersonFields({ townLocked = false }: { townLocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t("person.name")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
          >
            <Input maxLength={50} data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t("person.idNumber")}
            extra={t("person.idNumberHint")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
            normalize={(value: string) => value?.toUpperCase().replace(/\s/g, "")}
          >
            <Input maxLength={18} className="mono" data-testid="field-idNumber" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t("person.phone")} normalize={(value: string) => value?.replace(/\s/g, "")}>
            <Input maxLength={20} className="mono" data-testid="field-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="hukouType"
            label={t("person.hukouType")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <Radio.Group
              data-testid="field-hukouType"
              options={[
                { value: "local", label: t("hukouType.local") },
                { value: "migrant", label: t("hukouType.migrant") },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <TownCommunityFields townLocked={townLocked} />
      <Form.Item
        name="address"
        label={t("person.address")}
        rules={[{ required: true, whitespace: true, message: t("form.required") }]}
      >
        <Input maxLength={200} data-testid="field-address" />
      </Form.Item>
    </>
  );
}
