import { useState } from "react";
import { Button, Card, Checkbox, Form, Input, Select, Space, Typography, type UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import { MemberIncomeTable } from "./MemberIncomeTable";
import type { Household } from "../../api/types";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { EvidenceUpload, uploadAll } from "./EvidenceUpload";

interface Values {
  members: { monthlyIncomeYuan: string; categories: string[] }[];
  workCapacity: string;
  seriousIllness?: boolean;
  assetsYuan: string;
  secondHome?: boolean;
  vehicle?: boolean;
  bankAccount: string;
}

/** The resident's online application for their own registry household: incomes, categories, assets, evidence files. */
export function MyApplicationForm({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const members = household.members;

  const { saving, submit, alert } = useSubmit(form, async (values: Values, idempotencyKey) => {
    const fileIds = await uploadAll(files, household.townCode);
    await apiPost(
      "/assistance/cases",
      {
        householdId: household.id,
        workCapacity: values.workCapacity,
        seriousIllness: values.seriousIllness ?? false,
        assetsYuan: values.assetsYuan,
        secondHome: values.secondHome ?? false,
        vehicle: values.vehicle ?? false,
        bankAccount: values.bankAccount,
        members: members.map((member, index) => ({
          personId: member.personId,
          monthlyIncomeYuan: values.members[index].monthlyIncomeYuan,
          categories: values.members[index].categories ?? [],
        })),
        fileIds,
      },
      idempotencyKey,
    );
    onDone();
  });

  return (
    <Card size="small" title={t("assistance.mine.apply")}>
      <Typography.Paragraph type="secondary">{t("assistance.mine.applyIntro")}</Typography.Paragraph>
      <Typography.Paragraph>
        {t("assistance.mine.address")}：{household.address}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="assistance-apply-form"
        initialValues={{
          workCapacity: "none",
          assetsYuan: "0",
          members: members.map(() => ({ monthlyIncomeYuan: "0", categories: [] })),
        }}
      >
        <MemberIncomeTable members={members} testIdPrefix="assistance-apply" tableTestId="assistance-apply-members" />
        <Space wrap style={{ marginTop: 12 }} align="start">
          <Form.Item name="workCapacity" label={t("assistance.workCapacity")}>
            <Select
              style={{ width: 160 }}
              data-testid="field-workCapacity"
              options={["none", "partial", "able"].map((code) => ({
                value: code,
                label: t(`assistance.capacity.${code}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="assetsYuan" label={t("assistance.assets")} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} data-testid="field-assetsYuan" />
          </Form.Item>
          <Form.Item
            name="bankAccount"
            label={t("assistance.bankAccount")}
            rules={[{ required: true, pattern: /^[0-9]{12,30}$/ }]}
          >
            <Input style={{ width: 240 }} data-testid="field-bankAccount" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="seriousIllness" valuePropName="checked">
            <Checkbox data-testid="field-seriousIllness">{t("assistance.mine.seriousIllness")}</Checkbox>
          </Form.Item>
          <Form.Item name="secondHome" valuePropName="checked">
            <Checkbox data-testid="field-secondHome">{t("assistance.mine.secondHome")}</Checkbox>
          </Form.Item>
          <Form.Item name="vehicle" valuePropName="checked">
            <Checkbox data-testid="field-vehicle">{t("assistance.mine.vehicle")}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item label={t("assistance.mine.evidence")}>
          <EvidenceUpload files={files} onChange={setFiles} testId="assistance-apply-upload" />
        </Form.Item>
        <SubmitErrorAlert {...alert} />
        <Button type="primary" htmlType="submit" loading={saving} data-testid="assistance-apply-submit">
          {t("assistance.mine.submitApplication")}
        </Button>
      </Form>
    </Card>
  );
}
