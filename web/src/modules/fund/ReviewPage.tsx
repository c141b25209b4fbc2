// The reviewer's fund page: the applications of open calls and those assigned to them; declare a conflict of
// interest (never assigned after that, cannot score), and score each criterion 0–100 where assigned.
import { Alert, Button, Card, Form, InputNumber, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { FundTag } from "./labels";

type Work = ApiResponse<"/fund/reviews/mine">;
type Item = Work["items"][number];

export function ReviewPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery<Work>("/fund/reviews/mine");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("fund.reviewTitle")}</Typography.Title>
      <Alert type="info" showIcon title={t("fund.reviewIntro")} />
      {(data?.items ?? []).map((item) => (
        <ReviewCard key={item.application.id} item={item} onChange={reload} />
      ))}
      {data && data.items.length === 0 ? <Typography.Text>{t("fund.empty")}</Typography.Text> : null}
    </Space>
  );
}

function ReviewCard({ item, onChange }: { item: Item; onChange: () => void }) {
  const { t } = useTranslation();
  const { application } = item;
  const [form] = Form.useForm<Record<string, number>>();
  const score = useSubmit(form, async (values: Record<string, number>, key: string) => {
    await apiPost(`/fund/applications/${application.id}/scores`, { scores: values }, key);
    onChange();
  });
  const conflict = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/fund/applications/${application.id}/conflict`, {}, key);
    onChange();
  });
  const open = item.callStatus === "open";
  return (
    <Card
      size="small"
      title={`${application.title} · ${application.applicantName}`}
      data-testid="fund-review-card"
      extra={
        <Space>
          <FundTag group="callStatus" code={item.callStatus} />
          {item.conflict ? (
            <Tag color="orange">{t("fund.conflictDeclared")}</Tag>
          ) : item.assigned ? (
            <Tag color="blue">{t("fund.assigned")}</Tag>
          ) : (
            <Tag>{t("fund.notAssigned")}</Tag>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>
        {item.callTitle} · {t("fund.requestedYuan")} {application.requestedYuan}
      </Typography.Paragraph>
      {application.summary ? <Typography.Paragraph>{application.summary}</Typography.Paragraph> : null}
      <Typography.Paragraph type="secondary">
        {t("fund.budgetLines")}：{application.budgetLines.map((line) => `${line.item} ${line.amountYuan}`).join("；")}
      </Typography.Paragraph>
      {item.myScores ? (
        <Typography.Paragraph>
          {t("fund.myScores")}：
          {item.criteria.map((each) => `${each.label} ${item.myScores?.[each.id] ?? "—"}`).join(" · ")}
        </Typography.Paragraph>
      ) : null}
      <SubmitErrorAlert {...conflict.alert} />
      {open && !item.conflict && !item.myScores ? (
        <Button
          size="small"
          onClick={() => void conflict.submit(null)}
          loading={conflict.saving}
          data-testid="fund-declare-conflict"
        >
          {t("fund.declareConflict")}
        </Button>
      ) : null}
      {open && item.assigned && !item.conflict ? (
        <>
          <SubmitErrorAlert {...score.alert} />
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 8 }}
            onFinish={(values) => void score.submit(values)}
            initialValues={
              item.myScores
                ? Object.fromEntries(Object.entries(item.myScores).map(([key, value]) => [key, Number(value)]))
                : undefined
            }
          >
            {item.criteria.map((criterion) => (
              <Form.Item
                key={criterion.id}
                name={criterion.id}
                label={`${criterion.label}（${criterion.weight}）`}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={100} precision={2} data-testid={`fund-score-${criterion.id}`} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={score.saving} data-testid="fund-score-save">
              {t("fund.saveScores")}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
