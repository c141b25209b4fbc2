import { Button, Form, Input, InputNumber, Radio, Switch } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import { ConfirmButton } from "../../components/ConfirmButton";
import i18n from "../../i18n";

// The consequence each decision names before it is taken (issue 15: an irreversible step asks first).
i18n.addResources("zh-CN", "translation", {
  "assistance.decisionConsequence.approved":
    "批准后家庭自决定之月起纳入低保，按月发放保障金，并列入本镇区在保名单公示。确定批准？",
  "assistance.decisionConsequence.refused":
    "不予批准后案件办结，申请人将收到书面理由，可在规定期限内申请复核。确定不予批准？",
});
i18n.addResources("en", "translation", {
  "assistance.decisionConsequence.approved":
    "The household receives dibao from the decision month, paid monthly, and is listed on the 镇区's approved list. Approve?",
  "assistance.decisionConsequence.refused":
    "The case is closed; the applicant receives the written reason and may ask for a review within the time limit. Refuse?",
});
import type { AssistanceCase } from "./types";
import { DateInput } from "../../components/DateInput";
import { serverToday } from "../../api/today";

const dateOf = (value: dayjs.Dayjs | undefined) =>
  value ? value.format("YYYY-MM-DD") : serverToday().format("YYYY-MM-DD");

/** The form of the case's next step (investigation, appraisal, town opinion, publicity, decision); the server checks every rule. */
export function NextStepForm({ record, onDone }: { record: AssistanceCase; onDone: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form] = Form.useForm();
  const decision = (Form.useWatch("decision", form) as string | undefined) ?? "approved";
  const step = (
    {
      submitted: "investigation",
      investigated: "appraisal",
      appraised: "town-opinion",
      town_reviewed: "publicity",
      publicised: "decision",
    } as Record<string, string>
  )[record.state];
  const { saving, submit, alert } = useSubmit(form, async (values: Record<string, unknown>) => {
    const on = dateOf(values.on as dayjs.Dayjs | undefined);
    const bodies: Record<string, unknown> = {
      investigation: {
        homeVisit: { by: values.by, on, findings: values.findings },
        neighbourVisits: [],
        dataChecks: [],
      },
      appraisal: {
        heldOn: on,
        members: values.members,
        present: values.present,
        agree: values.agree,
        minutes: values.minutes,
      },
      "town-opinion": { givenOn: on, recommend: values.recommend ?? true, opinion: values.findings },
      publicity: { startOn: on },
      decision: {
        version: record.version,
        decision: values.decision ?? "approved",
        decidedOn: on,
        reason: values.reason || undefined,
      },
    };
    await apiPost(`/assistance/cases/${record.id}/${step}`, bodies[step]);
    form.resetFields();
    onDone();
  });
  if (!step) return null;
  if (step === "decision" && !can("assistance.cases.decide")) return null;
  if (step !== "decision" && !can("assistance.cases.create")) return null;

  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid={`assistance-step-${step}`}>
      <Form.Item name="on" label={t("assistance.date")}>
        <DateInput data-testid="assistance-step-date" />
      </Form.Item>
      {step === "investigation" ? (
        <>
          <Form.Item name="by" label={t("assistance.by")} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="findings" label={t("assistance.findings")} rules={[{ required: true }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
        </>
      ) : null}
      {step === "appraisal" ? (
        <>
          <Form.Item name="members" label={t("assistance.appraisalMembers")} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="present" label={t("assistance.present")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="agree" label={t("assistance.agree")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="minutes" label={t("assistance.minutes")} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </>
      ) : null}
      {step === "town-opinion" ? (
        <>
          <Form.Item name="recommend" label={t("assistance.recommend")} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
          <Form.Item name="findings" label={t("assistance.townOpinion")} rules={[{ required: true }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
        </>
      ) : null}
      {step === "decision" ? (
        <>
          <Form.Item name="decision" initialValue="approved">
            <Radio.Group
              options={[
                { value: "approved", label: t("assistance.approve") },
                { value: "refused", label: t("assistance.refuse") },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("assistance.reason")}>
            <Input style={{ width: 280 }} data-testid="assistance-decision-reason" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item>
        {step === "decision" ? (
          <ConfirmButton
            type="primary"
            loading={saving}
            danger={decision === "refused"}
            testId="assistance-step-submit"
            consequence={t(`assistance.decisionConsequence.${decision}`)}
            onConfirm={() => form.submit()}
          >
            {decision === "refused" ? t("assistance.refuse") : t("assistance.approve")}
          </ConfirmButton>
        ) : (
          <Button type="primary" htmlType="submit" loading={saving} data-testid="assistance-step-submit">
            {t("assistance.submit")}
          </Button>
        )}
      </Form.Item>
      <SubmitErrorAlert {...alert} />
    </Form>
  );
}
