// Following a tip-off by its receipt code: progress, finding and reward; adding information and photos; collecting
// the reward. The code stays in the page (never in the address bar).
import { useState } from "react";
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { EventTimeline, StateTag, uploadTipoffPhoto } from "./shared";

type Followed = ApiResponse<"/tipoffs/follow", "post">;

/** The receipt-code form, then the tip's progress. */
export function FollowPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ receiptCode: string }>();
  const [followed, setFollowed] = useState<{ code: string; tip: Followed } | null>(null);
  const lookup = useSubmit(
    form,
    async (values: { receiptCode: string }) => {
      const tip = await apiPost<Followed>("/tipoffs/follow", { receiptCode: values.receiptCode });
      setFollowed({ code: values.receiptCode, tip });
    },
    { onFailure: () => setFollowed(null) },
  );
  const refresh = async () => {
    if (!followed) return;
    const tip = await apiPost<Followed>("/tipoffs/follow", { receiptCode: followed.code });
    setFollowed({ code: followed.code, tip });
  };
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{t("tipoffs.followTitle")}</Typography.Title>
      <Typography.Paragraph>{t("tipoffs.followIntro")}</Typography.Paragraph>
      <Card>
        <SubmitErrorAlert {...lookup.alert} />
        <Form form={form} layout="inline" onFinish={(values) => void lookup.submit(values)}>
          <Form.Item name="receiptCode" label={t("tipoffs.receiptCode")} rules={[{ required: true }]}>
            <Input style={{ width: 340, fontFamily: "monospace" }} autoComplete="off" data-testid="follow-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.saving} data-testid="follow-submit">
            {t("tipoffs.follow")}
          </Button>
        </Form>
      </Card>
      {followed ? <FollowedTip code={followed.code} tip={followed.tip} onChange={() => void refresh()} /> : null}
    </Space>
  );
}

function FollowedTip({ code, tip, onChange }: { code: string; tip: Followed; onChange: () => void }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const [infoForm] = Form.useForm<{ text: string }>();
  const information = useSubmit(infoForm, async (values: { text: string }) => {
    await apiPost("/tipoffs/follow/information", { receiptCode: code, text: values.text });
    infoForm.resetFields();
    onChange();
  });
  const photo = useSubmit(null, async (file: File) => {
    await uploadTipoffPhoto(code, file);
    onChange();
  });
  const collect = useSubmit(null, async () => {
    await apiPost("/tipoffs/follow/reward", { receiptCode: code });
    onChange();
  });
  const decided = tip.state === "verified" || tip.state === "not_verified";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card data-testid="followed-tip">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: "reference", label: t("tipoffs.reference"), children: tip.reference },
            { key: "state", label: t("tipoffs.state"), children: <StateTag state={tip.state} /> },
            { key: "category", label: t("tipoffs.category"), children: tip.categoryName },
            { key: "department", label: t("tipoffs.department"), children: tip.departmentName },
            { key: "place", label: t("tipoffs.place"), children: `${townLabel(tip.townCode)} ${tip.place}` },
            { key: "submitted", label: t("tipoffs.submittedOn"), children: tip.submittedOn },
            { key: "due", label: t("tipoffs.dueOn"), children: tip.dueOn },
            { key: "photos", label: t("tipoffs.photoCount", { count: tip.photoCount }), children: tip.photoCount },
            ...(tip.outcomeNote
              ? [
                  { key: "outcome", label: t("tipoffs.outcome"), children: tip.outcomeNote },
                  { key: "decided", label: t("tipoffs.decidedOn"), children: tip.decidedOn },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12 }}>{tip.description}</Typography.Paragraph>
      </Card>
      {tip.reward ? (
        <Card title={t("tipoffs.reward")} data-testid="tipoff-reward">
          <Typography.Title level={4}>{t("tipoffs.rewardAmount", { amount: tip.reward.amountYuan })}</Typography.Title>
          <Typography.Paragraph>{tip.reward.note}</Typography.Paragraph>
          {tip.reward.collectedOn ? (
            <Alert type="success" title={t("tipoffs.rewardCollected", { date: tip.reward.collectedOn })} />
          ) : (
            <>
              <SubmitErrorAlert {...collect.alert} />
              <Button type="primary" loading={collect.saving} onClick={() => void collect.submit(undefined)}>
                {t("tipoffs.collect")}
              </Button>
            </>
          )}
        </Card>
      ) : null}
      <Card title={t("tipoffs.timeline")}>
        <EventTimeline events={tip.events} />
      </Card>
      {decided ? null : (
        <Card title={t("tipoffs.addInformation")}>
          <SubmitErrorAlert {...information.alert} />
          <Form form={infoForm} layout="vertical" onFinish={(values) => void information.submit(values)}>
            <Form.Item name="text" label={t("tipoffs.addInformation")} rules={[{ required: true, max: 4000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button htmlType="submit" loading={information.saving}>
              {t("tipoffs.send")}
            </Button>
          </Form>
          <div style={{ marginTop: 16 }}>
            <SubmitErrorAlert {...photo.alert} />
            <Upload
              accept="image/jpeg,image/png"
              showUploadList={false}
              beforeUpload={(file) => {
                void photo.submit(file);
                return false;
              }}
            >
              <Button loading={photo.saving}>{t("tipoffs.addPhoto")}</Button>
            </Upload>
          </div>
        </Card>
      )}
    </Space>
  );
}
