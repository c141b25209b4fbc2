import { useState } from "react";
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost, listItems } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { MemberIncomeTable } from "./MemberIncomeTable";
import type { Household, HouseholdSummary, Page } from "../../api/types";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import type { AssistanceCase } from "./types";
import { DateInput } from "../../components/DateInput";
import { serverToday } from "../../api/today";

type Referral = ApiResponse<"/assistance/referrals/{id}">;

/**
 * A counter application: pick the registry household, enter each member's income and categories, assets, bank
 * account. Opened from a referral (`?referral=<id>`), the same form accepts the referral: the application is sent
 * to the referral's acceptance, so the case and the referral take effect together.
 */
export function CaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const referralId = searchParams.get("referral");
  const { data: referral } = useApiQuery<Referral>(referralId ? `/assistance/referrals/${referralId}` : null);
  const [form] = Form.useForm();
  const [hits, setHits] = useState<HouseholdSummary[]>([]);
  const [household, setHousehold] = useState<Household | null>(null);

  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    setHits(listItems(await apiGet<Page<HouseholdSummary>>("/households", { q })));
  };
  const pick = async (id: string) => {
    const loaded = await apiGet<Household>(`/households/${id}`);
    setHousehold(loaded);
    form.setFieldsValue({ members: loaded.members.map(() => ({ monthlyIncomeYuan: "0", categories: [] })) });
  };
  const { saving, submit, alert } = useSubmit(
    form,
    async (
      values: {
        members: { monthlyIncomeYuan: string; categories: string[] }[];
        workCapacity: string;
        assetsYuan: string;
        bankAccount: string;
        submittedOn?: dayjs.Dayjs;
      },
      idempotencyKey,
    ) => {
      if (!household) return;
      const application = {
        householdId: household.id,
        workCapacity: values.workCapacity,
        assetsYuan: values.assetsYuan,
        bankAccount: values.bankAccount,
        submittedOn: (values.submittedOn ?? serverToday()).format("YYYY-MM-DD"),
        members: household.members.map((member, index) => ({ personId: member.personId, ...values.members[index] })),
      };
      if (referralId) {
        const accepted = await apiPost<Referral>(
          `/assistance/referrals/${referralId}/acceptance`,
          application,
          idempotencyKey,
        );
        navigate(`/console/assistance/cases/${accepted.caseId}`);
        return;
      }
      const created = await apiPost<AssistanceCase>("/assistance/cases", application, idempotencyKey);
      navigate(`/console/assistance/cases/${created.id}`);
    },
  );

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4}>{t("assistance.newCase")}</Typography.Title>
      {referral ? (
        <Alert
          type="info"
          showIcon
          data-testid="assistance-new-referral"
          title={t("assistance.referrals.fromReferral", { subject: referral.subjectName, source: referral.sourceName })}
          description={t("assistance.referrals.fromReferralHint", { reason: referral.reason })}
        />
      ) : null}
      <Card size="small" title={t("assistance.household")}>
        <span data-testid="assistance-new-household">
          <Select
            showSearch
            filterOption={false}
            style={{ width: 420, maxWidth: "100%" }}
            placeholder={t("assistance.findHousehold")}
            aria-label={t("assistance.findHousehold")}
            onSearch={(q) => void search(q)}
            onChange={(id: string) => void pick(id)}
            options={hits.map((hit) => ({ value: hit.id, label: `${hit.address} · ${hit.headName ?? ""}` }))}
          />
        </span>
      </Card>
      {household ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ workCapacity: "none", assetsYuan: "0" }}
          data-testid="assistance-new-form"
        >
          <MemberIncomeTable members={household.members} testIdPrefix="assistance-new" />
          <Space wrap style={{ marginTop: 12 }}>
            <Form.Item name="workCapacity" label={t("assistance.workCapacity")}>
              <Select
                style={{ width: 160 }}
                options={["none", "partial", "able"].map((code) => ({
                  value: code,
                  label: t(`assistance.capacity.${code}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="assetsYuan" label={t("assistance.assets")} rules={[{ required: true }]}>
              <Input style={{ width: 140 }} data-testid="assistance-new-assets" />
            </Form.Item>
            <Form.Item name="bankAccount" label={t("assistance.bankAccount")} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} data-testid="assistance-new-account" />
            </Form.Item>
            <Form.Item name="submittedOn" label={t("assistance.submittedOn")}>
              <DateInput />
            </Form.Item>
          </Space>
          <SubmitErrorAlert {...alert} />
          <Button type="primary" htmlType="submit" loading={saving} data-testid="assistance-new-submit">
            {t("assistance.submit")}
          </Button>
        </Form>
      ) : null}
    </Space>
  );
}
