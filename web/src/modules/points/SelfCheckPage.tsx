import { useState } from "react";
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space, Switch, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { useTowns } from "../../api/reference";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { codeLabel } from "../../i18n/codes";
import type { PurposeScore, SelfCheckAnswer } from "./types";
import { DateInput } from "../../components/DateInput";
import { ScoreStepsTable } from "./ScoreStepsTable";

const education = [
  ["none", "无"],
  ["junior_secondary", "初中"],
  ["senior_secondary", "高中/中专"],
  ["college", "大专"],
  ["bachelor_or_above", "本科及以上"],
];
const qualification = [
  ["none", "无"],
  ["level_5", "初级工（五级）"],
  ["level_4", "中级工（四级）"],
  ["level_3", "高级工/初级职称"],
  ["level_2", "技师/中级职称"],
  ["level_1", "高级技师/高级职称"],
];

interface SelfCheckForm {
  town: string;
  grade: "primary_1" | "junior_1";
  date?: dayjs.Dayjs;
  education: string;
  qualification: string;
  pension?: number;
  pensionZhongshan?: number;
  residencePermitYears?: number;
  ownsHousing?: boolean;
}

/** The points self-check (积分自测): facts in, the three purposes' totals out with every indicator and clause; nothing stored. */
export function SelfCheckPage() {
  const { t, i18n } = useTranslation();
  const { items: towns } = useTowns();
  const townLabel = useTownLabel();
  // The Chinese lists name the equivalent professional titles; English reads the code dictionary's labels.
  const english = i18n.language.startsWith("en");
  const choices = (list: string[][]) =>
    list.map(([value, label]) => ({ value, label: english ? codeLabel("factValue", value, "en") : label }));
  const [form] = Form.useForm<SelfCheckForm>();
  const [results, setResults] = useState<Record<string, PurposeScore> | null>(null);
  const { saving, submit, alert } = useSubmit(
    form,
    async (values: SelfCheckForm) => {
      const facts: Record<string, unknown> = { education: values.education, qualification: values.qualification };
      if (values.pension) facts.insurance_years_guangdong = { pension: values.pension };
      if (values.pensionZhongshan) facts.insurance_years_zhongshan = { pension: values.pensionZhongshan };
      if (values.residencePermitYears) facts.residence_permit_years = values.residencePermitYears;
      if (values.ownsHousing) facts.owns_qualifying_housing = true;
      const answer = await apiPost<SelfCheckAnswer>("/public/points/self-check", {
        town: values.town,
        grade: values.grade,
        date: values.date?.format("YYYY-MM-DD"),
        facts,
      });
      setResults(answer.results);
    },
    { onFailure: () => setResults(null) },
  );

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("nav.selfCheck")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("points.selfCheckLead")}</Typography.Paragraph>
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ town: "shiqi", grade: "primary_1", education: "none", qualification: "none" }}
          data-testid="points-selfcheck-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="town" label={t("points.town")} rules={[{ required: true }]}>
                <Select
                  data-testid="points-selfcheck-town"
                  showSearch
                  optionFilterProp="label"
                  options={towns.map((town) => ({ value: town.code, label: townLabel(town.code) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="grade" label={t("points.grade")}>
                <Select
                  options={[
                    { value: "primary_1", label: t("points.primary_1") },
                    { value: "junior_1", label: t("points.junior_1") },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="date" label={t("points.date")}>
                <DateInput style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="education" label={codeLabel("pointsFact", "education", i18n.language)}>
                <Select data-testid="points-selfcheck-education" options={choices(education)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="qualification" label={codeLabel("pointsFact", "qualification", i18n.language)}>
                <Select options={choices(qualification)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="residencePermitYears" label={t("points.residencePermit")}>
                <InputNumber min={0} max={60} style={{ width: "100%" }} data-testid="points-selfcheck-permit" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="pension" label={t("points.insurance")}>
                <InputNumber min={0} max={60} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="pensionZhongshan" label={t("points.insuranceZhongshan")}>
                <InputNumber min={0} max={60} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="ownsHousing" label={t("points.ownsHousing")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="points-selfcheck-submit">
            {t("points.calculate")}
          </Button>
        </Form>
      </Card>
      <SubmitErrorAlert {...alert} />
      {results ? (
        <Row gutter={16} data-testid="points-selfcheck-results">
          {(["school", "housing", "hukou"] as const).map((purpose) => {
            const score = results[purpose];
            return (
              <Col xs={24} lg={8} key={purpose}>
                <Card
                  size="small"
                  title={t(`points.${purpose}`)}
                  extra={
                    <Tag color={score.eligible ? "green" : "default"}>
                      {score.eligible ? t("points.eligible") : t("points.notEligible")}
                    </Tag>
                  }
                >
                  <Typography.Title level={3} data-testid={`points-selfcheck-total-${purpose}`}>
                    {score.total.toFixed(2)}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {t("points.threshold")} {score.threshold}
                  </Typography.Text>
                  <ScoreStepsTable steps={score.steps} />
                </Card>
              </Col>
            );
          })}
        </Row>
      ) : null}
      <Alert type="info" showIcon message={t("points.selfCheckSources")} />
    </Space>
  );
}
