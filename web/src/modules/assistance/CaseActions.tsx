import { useState } from "react";
import { Button, DatePicker, Form, Input, Radio, Select, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../../session/SessionContext";
import { CaseStepModal } from "./CaseStepModal";
import type { AssistanceCase, CaseMember } from "./types";
import { isoDate, isoMonth } from "./dates";
import "./text.staff";
import { categoryCodes } from "./MemberIncomeTable";
import { DateInput } from "../../components/DateInput";

type Action = "review" | "adjust" | "stop" | "fraud" | "appealDecision";

const reasonRules = [{ required: true, min: 5 }];

/** Buttons and compact dialogs for the steps of an approved or appealed case: review, adjust, stop, fraud, appeal decision. */
export function CaseActions({ record, onDone }: { record: AssistanceCase; onDone: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState<Action | null>(null);
  const process = can("assistance.cases.create");
  const decide = can("assistance.cases.decide");
  const offered: Action[] = [];
  if (record.state === "active" && process) offered.push("review", "adjust");
  if (record.state === "active" && decide) offered.push("stop");
  if ((record.state === "active" || record.state === "stopped") && decide) offered.push("fraud");
  if (record.state === "appealed" && decide) offered.push("appealDecision");
  if (offered.length === 0) return null;

  const common = { caseId: record.id, okText: t("assistance.submit"), onClose: () => setOpen(null), onDone };
  return (
    <>
      <Space wrap data-testid="assistance-case-actions">
        {offered.map((action) => (
          <Button
            key={action}
            danger={action === "stop" || action === "fraud"}
            onClick={() => setOpen(action)}
            data-testid={`assistance-action-${action}`}
          >
            {t(`assistance.action.${action}`)}
          </Button>
        ))}
      </Space>
      {open === "review" ? (
        <CaseStepModal
          {...common}
          title={t("assistance.action.review")}
          step="reviews"
          filesTown={record.townCode}
          testId="assistance-review"
          body={(values, fileIds) => ({ reviewedOn: isoDate(values.reviewedOn), findings: values.findings, fileIds })}
        >
          <Form.Item name="reviewedOn" label={t("assistance.action.reviewedOn")}>
            <DateInput />
          </Form.Item>
          <Form.Item name="findings" label={t("assistance.action.findings")} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="field-findings" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
      {open === "adjust" ? (
        <CaseStepModal
          {...common}
          width={760}
          title={t("assistance.action.adjust")}
          step="adjustments"
          testId="assistance-adjust"
          initialValues={{
            assetsYuan: record.assetsYuan,
            workCapacity: record.workCapacity,
            members: record.members.map((member) => ({
              monthlyIncomeYuan: member.monthlyIncomeYuan,
              categories: member.categories,
            })),
          }}
          body={(values) => ({
            version: record.version,
            fromMonth: isoMonth(values.fromMonth),
            reason: values.reason,
            assetsYuan: values.assetsYuan,
            workCapacity: values.workCapacity,
            members: record.members.map((member, index) => ({
              ...(values.members as Pick<CaseMember, "monthlyIncomeYuan" | "categories">[])[index],
              personId: member.personId,
            })),
          })}
        >
          <Typography.Paragraph type="secondary">{t("assistance.action.adjustHint")}</Typography.Paragraph>
          <Table<CaseMember & { index: number }>
            size="small"
            rowKey="personId"
            pagination={false}
            dataSource={record.members.map((member, index) => ({ ...member, index }))}
            columns={[
              { title: t("assistance.name"), dataIndex: "name" },
              {
                title: t("assistance.income"),
                key: "income",
                render: (_: unknown, row) => (
                  <Form.Item
                    name={["members", row.index, "monthlyIncomeYuan"]}
                    rules={[{ required: true }]}
                    style={{ margin: 0 }}
                  >
                    <Input style={{ width: 110 }} data-testid={`assistance-adjust-income-${row.index}`} />
                  </Form.Item>
                ),
              },
              {
                title: t("assistance.categories"),
                key: "categories",
                render: (_: unknown, row) => (
                  <Form.Item name={["members", row.index, "categories"]} style={{ margin: 0 }}>
                    <Select
                      mode="multiple"
                      style={{ minWidth: 200 }}
                      options={categoryCodes.map((code) => ({ value: code, label: t(`assistance.category.${code}`) }))}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }} align="start">
            <Form.Item name="assetsYuan" label={t("assistance.assets")} rules={[{ required: true }]}>
              <Input style={{ width: 140 }} data-testid="field-assetsYuan" />
            </Form.Item>
            <Form.Item name="workCapacity" label={t("assistance.workCapacity")}>
              <Select
                style={{ width: 150 }}
                options={["none", "partial", "able"].map((code) => ({
                  value: code,
                  label: t(`assistance.capacity.${code}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="fromMonth" label={t("assistance.action.fromMonth")} rules={[{ required: true }]}>
              <DatePicker picker="month" data-testid="field-fromMonth" />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={t("assistance.action.reason")} rules={reasonRules}>
            <Input.TextArea rows={2} data-testid="field-reason" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
      {open === "stop" ? (
        <CaseStepModal
          {...common}
          title={t("assistance.action.stop")}
          step="stop"
          testId="assistance-stop"
          body={(values) => ({ version: record.version, fromMonth: isoMonth(values.fromMonth), reason: values.reason })}
        >
          <Typography.Paragraph type="secondary">{t("assistance.action.stopHint")}</Typography.Paragraph>
          <Form.Item name="fromMonth" label={t("assistance.action.stopFrom")} rules={[{ required: true }]}>
            <DatePicker picker="month" data-testid="field-fromMonth" />
          </Form.Item>
          <Form.Item name="reason" label={t("assistance.action.reason")} rules={reasonRules}>
            <Input.TextArea rows={3} data-testid="field-reason" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
      {open === "fraud" ? (
        <CaseStepModal
          {...common}
          title={t("assistance.action.fraud")}
          step="fraud"
          testId="assistance-fraud"
          initialValues={{ fineMultiple: 1 }}
          body={(values) => ({
            version: record.version,
            fraudSince: isoMonth(values.fraudSince),
            fromMonth: isoMonth(values.fromMonth),
            fineMultiple: values.fineMultiple,
            reason: values.reason,
          })}
        >
          <Typography.Paragraph type="secondary">{t("assistance.action.fraudHint")}</Typography.Paragraph>
          <Space wrap align="start">
            <Form.Item name="fraudSince" label={t("assistance.action.fraudSince")} rules={[{ required: true }]}>
              <DatePicker picker="month" data-testid="field-fraudSince" />
            </Form.Item>
            <Form.Item name="fromMonth" label={t("assistance.action.stopFrom")} rules={[{ required: true }]}>
              <DatePicker picker="month" data-testid="field-fromMonth" />
            </Form.Item>
          </Space>
          <Form.Item name="fineMultiple" label={t("assistance.action.fineMultiple")}>
            <Radio.Group
              data-testid="field-fineMultiple"
              options={[1, 1.5, 2, 2.5, 3].map((value) => ({ value, label: `${value} ×` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t("assistance.action.reason")} rules={reasonRules}>
            <Input.TextArea rows={3} data-testid="field-reason" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
      {open === "appealDecision" ? (
        <CaseStepModal
          {...common}
          title={t("assistance.action.appealDecision")}
          step="appeal-decision"
          testId="assistance-appeal-decision"
          initialValues={{ outcome: "dismissed" }}
          body={(values) => ({
            version: record.version,
            outcome: values.outcome,
            decidedOn: isoDate(values.decidedOn),
            reason: values.reason,
          })}
        >
          <Form.Item name="outcome" label={t("assistance.action.outcome")}>
            <Radio.Group
              data-testid="field-outcome"
              options={[
                { value: "granted", label: t("assistance.action.granted") },
                { value: "dismissed", label: t("assistance.action.dismissed") },
              ]}
            />
          </Form.Item>
          <Form.Item name="decidedOn" label={t("assistance.action.decidedOn")}>
            <DateInput />
          </Form.Item>
          <Form.Item name="reason" label={t("assistance.action.reason")} rules={reasonRules}>
            <Input.TextArea rows={3} data-testid="field-reason" />
          </Form.Item>
        </CaseStepModal>
      ) : null}
    </>
  );
}
