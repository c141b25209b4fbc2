import { useEffect, useState } from "react";
import { Alert, Button, Card, DatePicker, Form, Input, Space, Typography } from "antd";
import type dayjs from "dayjs";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { ApiError, apiGet, apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { PersonPicker } from "../registry/PersonPicker";

interface CounterValues {
  personId: string;
  residencePermitNumber?: string;
  workStartedOn?: dayjs.Dayjs;
}

/** The clerk's counter: find a person in the registry, open their enrolment, or enrol them (Reg. Art. 2). */
export function CounterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CounterValues>();
  const {
    saving,
    submit: enrol,
    alert,
    clearError,
    showError,
  } = useSubmit(form, async (values: CounterValues, idempotencyKey) => {
    const enrolment = await apiPost<{ id: string }>(
      "/points/enrolments",
      {
        personId: values.personId,
        residencePermitNumber: values.residencePermitNumber ?? "",
        workStartedOn: values.workStartedOn?.format("YYYY-MM-DD") ?? "",
      },
      idempotencyKey,
    );
    navigate(`/console/points/enrolments/${enrolment.id}`);
  });

  // Once a person is chosen, look their enrolment up: open it when there is one, otherwise offer to enrol them
  // (a person not yet enrolled is the usual case at the counter, not an error).
  const personId = Form.useWatch("personId", form);
  const [lookup, setLookup] = useState<{ personId: string; enrolmentId: string | null } | null>(null);
  useEffect(() => {
    if (!personId) return;
    let active = true;
    apiGet<{ id: string }>("/points/enrolments", { personId }).then(
      (enrolment) => active && setLookup({ personId, enrolmentId: enrolment.id }),
      (caught) =>
        active &&
        setLookup(caught instanceof ApiError && caught.status === 404 ? { personId, enrolmentId: null } : null),
    );
    return () => {
      active = false;
    };
  }, [personId]);
  const found = lookup && lookup.personId === personId ? lookup : null;

  const open = async () => {
    const { personId } = await form.validateFields(["personId"]);
    clearError();
    try {
      const enrolment = await apiGet<{ id: string }>("/points/enrolments", { personId });
      navigate(`/console/points/enrolments/${enrolment.id}`);
    } catch (caught) {
      showError(
        caught instanceof ApiError && caught.status === 404
          ? new ApiError(
              404,
              "not_enrolled",
              "该人员尚未纳入积分制管理，请填写居住证号和工作起始日期后办理纳入。",
              {},
              {},
            )
          : caught,
      );
    }
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("nav.counter")}</Typography.Title>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={enrol} data-testid="points-counter-form">
          <Form.Item name="personId" label={t("points.name")} rules={[{ required: true }]}>
            <PersonPicker testId="points-counter-person" />
          </Form.Item>
          {found && found.enrolmentId === null ? (
            <Alert
              type="info"
              showIcon
              data-testid="points-counter-not-enrolled"
              message={t("points.notEnrolledPerson")}
              description={t("points.offerEnrol")}
              style={{ marginBottom: 8 }}
            />
          ) : (
            <Button
              type={found?.enrolmentId ? "primary" : "default"}
              onClick={() => void open()}
              data-testid="points-counter-open"
            >
              {t("points.openCase")}
            </Button>
          )}
          <Space wrap style={{ marginTop: 16 }}>
            <Form.Item name="residencePermitNumber" label={t("points.permit")}>
              <Input data-testid="points-counter-permit" />
            </Form.Item>
            <Form.Item name="workStartedOn" label={t("points.workStartedOn")}>
              <DatePicker />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="points-counter-enrol">
              {t("points.enrol")}
            </Button>
          </div>
        </Form>
        <SubmitErrorAlert {...alert} />
      </Card>
    </Space>
  );
}
