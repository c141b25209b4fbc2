import { Col, Form, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useCommunities, useTowns } from "../../api/reference";

/** 镇区 and community selects inside an antd Form (fields townCode and communityId); changing 镇区 clears the community. */
export function TownCommunityFields({ townLocked = false }: { townLocked?: boolean }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const townCode = Form.useWatch("townCode", form) as string | undefined;
  const towns = useTowns();
  const communities = useCommunities(townCode);
  const english = i18n.language === "en";
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="townCode" label={t("person.town")} rules={[{ required: true, message: t("form.required") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            disabled={townLocked}
            loading={towns.loading}
            placeholder={t("form.chooseTown")}
            options={towns.items.map((town) => ({ value: town.code, label: english ? town.pinyin : town.name }))}
            onChange={() => form.setFieldValue("communityId", undefined)}
            data-testid="field-townCode"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="communityId" label={t("person.community")}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            disabled={!townCode}
            allowClear
            loading={communities.loading}
            placeholder={townCode ? t("form.chooseCommunity") : t("form.chooseTownFirst")}
            options={communities.items.map((community) => ({ value: community.id, label: community.name }))}
            data-testid="field-communityId"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
