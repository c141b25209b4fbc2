import { useState } from "react";
import { Alert, Button, Card, Descriptions, Form, Input, List, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../api/client";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useSession } from "../../session/SessionContext";
import type { ApiResponse } from "../../api/schema";
import type { CaseFile } from "./types";
import { DueDate } from "../../components/DueDate";
import { DateInput } from "../../components/DateInput";

/** The deduction events the API accepts and the department that reports each (中府〔2014〕106号 附件 三); labels
 * are `points.deductionKinds.<value>`. */
const deductionKinds = [
  { value: "administrative_detention", department: "public_security" },
  { value: "criminal_penalty", department: "public_security" },
  { value: "out_of_policy_birth", department: "health_family_planning" },
] as const;

interface DeductionValues {
  idNumber: string;
  kind: string;
  occurredOn?: dayjs.Dayjs;
  reference: string;
}

/** The API's answer to a reported deduction (POST /points/deductions). */
type DeductionAnswer = ApiResponse<"/points/deductions", "post">;

/** What the page shows after a report: the API's answer and the person's case file as it now reads. */
interface DeductionOutcome {
  answer: DeductionAnswer;
  caseFile: CaseFile | null;
}

/** Which kinds this account may report: a verifier grant without a department reports all, otherwise its departments' kinds. */
function allowedKinds(grants: { role: string; departmentCode?: string | null }[]) {
  const verifier = grants.filter((grant) => grant.role === "verifier");
  if (verifier.some((grant) => !grant.departmentCode)) return [...deductionKinds];
  return deductionKinds.filter((kind) => verifier.some((grant) => grant.departmentCode === kind.department));
}

/** Police or health bureau staff report a deduction event by ID number; the score updates at once and the resident is told why. */
export function DeductionPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<DeductionValues>();
  const [outcome, setOutcome] = useState<DeductionOutcome | null>(null);
  const kinds = allowedKinds(user?.roles ?? []);

  const { saving, submit, alert } = useSubmit(form, async (values: DeductionValues, idempotencyKey) => {
    setOutcome(null);
    const body = {
      idNumber: values.idNumber.trim(),
      kind: values.kind,
      occurredOn: values.occurredOn?.format("YYYY-MM-DD") ?? "",
      reference: values.reference.trim(),
    };
    const answer = await apiPost<DeductionAnswer>("/points/deductions", body, idempotencyKey);
    const caseFile = await apiGet<CaseFile>(`/points/enrolments/${answer.enrolmentId}`).catch(() => null);
    setOutcome({ answer, caseFile });
  });

  return (
    <Space orientation="vertical" size="middle" className="page-stack" data-testid="deduction-page">
      <Typography.Title level={4}>{t("nav.deductions")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("points.deductionLead")}</Typography.Paragraph>
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: kinds.length === 1 ? kinds[0].value : undefined }}
        >
          <Form.Item name="idNumber" label={t("points.idNumber")} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={30} data-testid="deduction-id-number" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t("points.deductionKind")}
            rules={[{ required: true }]}
            extra={t("points.deductionClause")}
          >
            <Select
              data-testid="deduction-kind"
              options={kinds.map((kind) => ({ value: kind.value, label: t(`points.deductionKinds.${kind.value}`) }))}
            />
          </Form.Item>
          <Form.Item name="occurredOn" label={t("points.occurredOn")} rules={[{ required: true }]}>
            <DateInput data-testid="deduction-date" disabledDate={(day) => day.isAfter(dayjs(), "day")} />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t("points.deductionReference")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} data-testid="deduction-reason" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            disabled={kinds.length === 0}
            data-testid="deduction-submit"
          >
            {t("points.deductionSubmit")}
          </Button>
        </Form>
      </Card>
      <SubmitErrorAlert {...alert} />
      {outcome ? <DeductionResult outcome={outcome} /> : null}
    </Space>
  );
}

/** The API's answer and the person's scores and latest notice after the deduction. */
function DeductionResult({ outcome }: { outcome: DeductionOutcome }) {
  const { t } = useTranslation();
  const { answer, caseFile } = outcome;
  const latestMessage = caseFile?.messages.at(-1);
  return (
    <Card size="small" title={t("points.deductionDone")} data-testid="deduction-result">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "name", label: t("points.name"), children: caseFile?.enrolment.name ?? answer.enrolmentId },
          { key: "applied", label: t("points.appliedOn"), children: answer.appliedOn },
          { key: "due", label: t("points.due"), children: <DueDate date={answer.dueOn} /> },
        ]}
      />
      {caseFile && caseFile.applications.length > 0 ? (
        <List
          size="small"
          header={t("points.applications")}
          dataSource={caseFile.applications}
          renderItem={(application) => {
            const [before, after] = application.history.slice(-2);
            const change = after
              ? `${before.total.toFixed(2)} → ${after.total.toFixed(2)} · ${after.reason}`
              : (application.history.at(-1)?.reason ?? "");
            return (
              <List.Item>
                {t(`points.${application.purpose}`)} · {t("points.total")} {application.total.toFixed(2)} · {change}
              </List.Item>
            );
          }}
        />
      ) : (
        <Alert type="info" showIcon title={t("points.deductionNoApplication")} />
      )}
      {latestMessage ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t("points.messages")}：{latestMessage.text}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
