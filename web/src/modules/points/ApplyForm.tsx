import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useCommunities } from "../../api/reference";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { useApiQuery } from "../../api/useApiQuery";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import type { Cycle } from "./types";

interface ApplyValues {
  cycleId: string;
  purpose: "school" | "housing" | "hukou";
  childName?: string;
  childId?: string;
  grade?: "primary_1" | "junior_1";
  communityId?: string;
  propertyKey?: string;
  insurancePaidLastMonth?: boolean;
  continuousWorkMonths?: number;
  ownsHomeInZhongshan?: boolean;
}

/** The body's fields this form names otherwise (the child's fields are flat here). */
const applyFieldMap = {
  child: "childName",
  "child.name": "childName",
  "child.idNumber": "childId",
  home: "communityId",
};

/** Applies for a purpose in a cycle; refusals come back with the rule and clause under the field they concern. */
export function ApplyForm({
  enrolmentId,
  townCode,
  onDone,
}: {
  enrolmentId: string;
  townCode: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const communities = useCommunities(townCode);
  const { data } = useApiQuery<{ items: Cycle[] }>("/points/cycles");
  const [form] = Form.useForm<ApplyValues>();
  const purpose = Form.useWatch("purpose", form);

  const { saving, submit, alert } = useSubmit(
    form,
    async (values: ApplyValues, idempotencyKey) => {
      const body: Record<string, unknown> = { enrolmentId, cycleId: values.cycleId, purpose: values.purpose };
      if (values.propertyKey) body.propertyKey = values.propertyKey;
      if (values.purpose === "school") {
        body.child = {
          name: values.childName ?? "",
          idNumber: values.childId ?? "",
          grade: values.grade ?? "primary_1",
          attended: "none",
        };
        if (values.communityId) body.communityId = values.communityId;
      } else {
        body.conditions = {
          insurancePaidLastMonth: values.insurancePaidLastMonth ?? false,
          ...(values.purpose === "hukou"
            ? { continuousWorkMonths: values.continuousWorkMonths ?? 0 }
            : { ownsHomeInZhongshan: values.ownsHomeInZhongshan ?? false }),
        };
      }
      await apiPost("/points/applications", body, idempotencyKey);
      form.resetFields();
      onDone();
    },
    { fieldMap: applyFieldMap },
  );

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ purpose: "school", grade: "primary_1" }}
      data-testid="points-apply-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="cycleId" label={t("points.cycle")} rules={[{ required: true }]}>
            <Select
              data-testid="points-apply-cycle"
              options={(data?.items ?? []).map((cycle) => ({
                value: cycle.id,
                label: t("points.cycleOption", { title: cycle.title, opens: cycle.opensOn, closes: cycle.closesOn }),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="purpose" label={t("points.purpose")} rules={[{ required: true }]}>
            <Select
              data-testid="points-apply-purpose"
              options={(["school", "housing", "hukou"] as const).map((value) => ({
                value,
                label: t(`points.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="propertyKey" label={t("points.propertyKey")}>
            <Input />
          </Form.Item>
        </Col>
        {purpose === "school" ? (
          <>
            <Col xs={24} md={6}>
              <Form.Item name="childName" label={t("points.childName")} rules={[{ required: true }]}>
                <Input data-testid="points-apply-child-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="childId" label={t("points.childId")} rules={[{ required: true }]}>
                <Input data-testid="points-apply-child-id" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
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
              <Form.Item
                name="communityId"
                label={t("points.community")}
                extra={t("points.communityHelp")}
                rules={[{ required: true, message: t("points.communityRequired") }]}
              >
                <Select
                  data-testid="points-apply-community"
                  showSearch
                  optionFilterProp="label"
                  loading={communities.loading}
                  notFoundContent={t("points.noCommunities")}
                  options={communities.items.map((community) => ({
                    value: community.id,
                    label: community.name,
                    disabled: !community.located,
                  }))}
                />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="insurancePaidLastMonth" label={t("points.insurancePaid")} valuePropName="checked">
                <Switch data-testid="points-apply-insurance" />
              </Form.Item>
            </Col>
            {purpose === "hukou" ? (
              <Col xs={24} md={8}>
                <Form.Item name="continuousWorkMonths" label={t("points.workMonths")}>
                  <InputNumber min={0} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={24} md={8}>
                <Form.Item name="ownsHomeInZhongshan" label={t("points.ownsHome")} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            )}
          </>
        )}
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="points-apply-submit">
        {t("points.apply")}
      </Button>
      <SubmitErrorAlert {...alert} />
    </Form>
  );
}
