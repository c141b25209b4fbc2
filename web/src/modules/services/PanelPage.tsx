// Panel scoring for reviewers: needs whose bids are opened; on each, declare conflicts of interest per bidding
// vendor first (recused bids are then hidden), see each vendor's past performance, and score plan, staff and past
// performance 0–100.
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { CodeTag } from "./labels";

type Needs = ApiResponse<"/services/needs">;
type Panel = ApiResponse<"/services/needs/{id}/panel">;

export function PanelPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery<Needs>("/services/needs");
  const opened = (data?.items ?? []).filter((need) => need.bidsOpened && need.status === "open");
  const [needId, setNeedId] = useState<string | null>(null);
  const current = needId ?? opened[0]?.id ?? null;
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.panelTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("services.panelIntro")}</Typography.Paragraph>
      <Select
        style={{ width: 420, maxWidth: "100%" }}
        value={current ?? undefined}
        onChange={setNeedId}
        placeholder={t("services.title")}
        data-testid="panel-need"
        aria-label={t("services.title")}
        options={opened.map((need) => ({ value: need.id, label: `${need.title}（${need.bidsCloseOn}）` }))}
      />
      {current ? <NeedPanel key={current} needId={current} /> : <Alert type="info" title={t("services.empty")} />}
    </Space>
  );
}

function NeedPanel({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery<Panel>(`/services/needs/${needId}/panel`);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <>
      <Card size="small" title={data.need.title} extra={<CodeTag group="needStatus" code={data.need.status} />}>
        <Typography.Text>
          {t("services.weights")}：
          {(["price", "plan", "staff", "past"] as const)
            .map((key) => `${t(`services.criterion.${key}`)} ${data.need.weights[key]}`)
            .join(" · ")}
        </Typography.Text>
      </Card>
      {data.declared ? (
        <Scoring panel={data} needId={needId} onChange={reload} />
      ) : (
        <Declaration panel={data} needId={needId} onDone={reload} />
      )}
    </>
  );
}

function Declaration({ panel, needId, onDone }: { panel: Panel; needId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [conflicts, setConflicts] = useState<Record<string, string | undefined>>({});
  const { submit, alert, saving } = useSubmit(null, async (_: null, key: string) => {
    await apiPost(
      `/services/needs/${needId}/declaration`,
      {
        conflicts: Object.entries(conflicts)
          .filter(([, note]) => note !== undefined)
          .map(([vendorId, note]) => ({ vendorId, note: note ?? "" })),
      },
      key,
    );
    onDone();
  });
  return (
    <Card size="small" title={t("services.conflict")}>
      <SubmitErrorAlert {...alert} />
      <Table
        size="small"
        rowKey="vendorId"
        pagination={false}
        dataSource={panel.vendors}
        data-testid="panel-vendors"
        columns={[
          { title: t("services.vendor"), dataIndex: "vendorName" },
          {
            title: t("services.pastPerformance"),
            dataIndex: "pastPerformance",
            render: (value: string | null) => value ?? t("services.none"),
          },
          {
            title: t("services.hasConflict"),
            render: (_: unknown, vendor) => (
              <Space>
                <Checkbox
                  checked={conflicts[vendor.vendorId] !== undefined}
                  aria-label={`${t("services.hasConflict")} ${vendor.vendorName}`}
                  data-testid="panel-conflict"
                  onChange={(event) =>
                    setConflicts((current) => ({
                      ...current,
                      [vendor.vendorId]: event.target.checked ? "" : undefined,
                    }))
                  }
                />
                {conflicts[vendor.vendorId] !== undefined ? (
                  <Input
                    size="small"
                    placeholder={t("services.conflictNote")}
                    aria-label={t("services.conflictNote")}
                    value={conflicts[vendor.vendorId]}
                    onChange={(event) =>
                      setConflicts((current) => ({ ...current, [vendor.vendorId]: event.target.value }))
                    }
                  />
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={saving}
        onClick={() => void submit(null)}
        data-testid="panel-declare"
      >
        {t("services.declare")}
      </Button>
    </Card>
  );
}

function Scoring({ panel, needId, onChange }: { panel: Panel; needId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const recusedVendors = panel.vendors.filter((vendor) => !panel.bids.some((bid) => bid.vendorId === vendor.vendorId));
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {recusedVendors.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="panel-recused"
          title={`${t("services.recusedTag")}：${recusedVendors.map((vendor) => vendor.vendorName).join("、")}`}
        />
      ) : null}
      {panel.bids.map((bid) => (
        <ScoreCard
          key={bid.id}
          needId={needId}
          bid={bid}
          pastPerformance={panel.vendors.find((vendor) => vendor.vendorId === bid.vendorId)?.pastPerformance ?? null}
          review={panel.myReviews.find((review) => review.bidId === bid.id)}
          onChange={onChange}
        />
      ))}
    </Space>
  );
}

function ScoreCard({
  needId,
  bid,
  pastPerformance,
  review,
  onChange,
}: {
  needId: string;
  bid: Panel["bids"][number];
  pastPerformance: string | null;
  review: Panel["myReviews"][number] | undefined;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ plan: number; staff: number; past: number }>();
  const { submit, alert, saving } = useSubmit(
    form,
    async (values: { plan: number; staff: number; past: number }, key: string) => {
      await apiPost(`/services/needs/${needId}/scores`, { bidId: bid.id, ...values }, key);
      onChange();
    },
  );
  return (
    <Card
      size="small"
      title={`${bid.vendorName} · ${bid.priceYuan} 元`}
      data-testid="panel-bid"
      extra={
        review?.plan ? (
          <Tag color="green">{`${t("services.myScore")} ${review.plan} / ${review.staff} / ${review.past}`}</Tag>
        ) : null
      }
    >
      <Typography.Paragraph>
        <strong>{t("services.plan")}：</strong>
        {bid.plan}
      </Typography.Paragraph>
      <Typography.Paragraph>
        <strong>{t("services.team")}：</strong>
        {bid.team}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t("services.pastPerformance")}：{pastPerformance ?? t("services.none")}
      </Typography.Paragraph>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => void submit(values)}
        initialValues={
          review?.plan
            ? { plan: Number(review.plan), staff: Number(review.staff), past: Number(review.past) }
            : undefined
        }
      >
        {(["plan", "staff", "past"] as const).map((key) => (
          <Form.Item key={key} name={key} label={t(`services.criterion.${key}`)} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} data-testid={`score-${key}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="score-save">
          {t("services.saveScore")}
        </Button>
      </Form>
    </Card>
  );
}
