import { Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useTowns } from "../../../api/reference";
import { organisationKinds } from "./organisationKinds";

/** The fields of an organisation; the 镇区 is chosen at registration and fixed afterwards. */
export function OrganisationFields({ townLocked = false }: { townLocked?: boolean }) {
  const { t, i18n } = useTranslation();
  const towns = useTowns();
  const english = i18n.language === "en";
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t("organisation.name")}
            rules={[{ required: true, whitespace: true, message: t("form.required") }]}
          >
            <Input maxLength={100} data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t("organisation.kind")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <Select
              options={organisationKinds.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }))}
              data-testid="field-kind"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t("organisation.creditCode")}
            extra={t("organisation.creditCodeHint")}
            normalize={(value: string) => value?.toUpperCase().replace(/\s/g, "")}
          >
            <Input maxLength={18} className="mono" data-testid="field-creditCode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={t("organisation.contactPhone")}
            normalize={(value: string) => value?.replace(/\s/g, "")}
          >
            <Input maxLength={30} className="mono" data-testid="field-contactPhone" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="townCode" label={t("person.town")} rules={[{ required: true, message: t("form.required") }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              disabled={townLocked}
              placeholder={t("form.chooseTown")}
              options={towns.items.map((town) => ({ value: town.code, label: english ? town.pinyin : town.name }))}
              data-testid="field-townCode"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t("organisation.address")}>
            <Input maxLength={200} data-testid="field-address" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
