// One service need for the programme admin and auditors: its terms; once opened, every bid with the panel's
// scores and the ranking computed by the shared scoring code; the exception to the 3-bid rule; the award with its
// publication for objections; then the contract with the winner (indicators, milestones).
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { useSession } from "../../session/SessionContext";
import { CodeTag, useCodeLabel } from "./labels";

type Need = ApiResponse<"/services/needs/{id}">;
type Opened = ApiResponse<"/services/needs/{id}/bids">;
type Contracts = ApiResponse<"/services/contracts">;
type Contract = Contracts["items"][number];

export function NeedPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const { data: need, error, reload } = useApiQuery<Need>(`/services/needs/${id}`);
  const opened = useApiQuery<Opened>(need?.bidsOpened ? `/services/needs/${id}/bids` : null);
  const contracts = useApiQuery<Contracts>(need?.status === "awarded" ? "/services/contracts" : null);
  const manage = can("services.needs.manage");
  const refresh = () => {
    reload();
    opened.reload();
    contracts.reload();
  };
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!need) return <Skeleton active />;
  const contract = contracts.data?.items.find((each) => each.needId === need.id);
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>
        {need.title} <CodeTag group="needStatus" code={need.status} />
      </Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("services.department")}>{need.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t("services.town")}>{townLabel(need.townCode)}</Descriptions.Item>
        <Descriptions.Item label={t("services.budgetYuan")}>{need.budgetYuan}</Descriptions.Item>
        <Descriptions.Item label={t("services.period")}>
          {need.periodStart} – {need.periodEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.bidsCloseOn")}>{need.bidsCloseOn}</Descriptions.Item>
        <Descriptions.Item label={t("services.bidCount")}>
          {need.bidCount === null ? <Tag>{t("services.sealed")}</Tag> : need.bidCount}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.requiredQualifications")}>
          {need.requiredQualifications.map((code) => label("category", code)).join("、") || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.weights")}>
          {(["price", "plan", "staff", "past"] as const)
            .map((key) => `${t(`services.criterion.${key}`)} ${need.weights[key]}`)
            .join(" · ")}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.indicators")} span={2}>
          {need.indicators.map((each) => `${each.name}（${each.target}）`).join("；") || "—"}
        </Descriptions.Item>
        {need.exceptionReason ? (
          <Descriptions.Item label={t("services.exceptionReason")} span={2}>
            {need.exceptionReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {!need.bidsOpened ? <Alert type="info" showIcon title={t("services.sealedNote")} /> : null}
      {opened.error ? <ErrorResult error={opened.error} onRetry={opened.reload} /> : null}
      {opened.data ? <Results opened={opened.data} /> : null}
      {need.publicityListId ? <Alert type="success" showIcon title={t("services.publicity")} /> : null}
      {manage && need.status === "open" && opened.data ? (
        <AwardActions need={need} opened={opened.data} onDone={refresh} />
      ) : null}
      {need.status === "awarded" && contracts.data ? (
        contract ? (
          <ContractLink contract={contract} />
        ) : can("services.contracts.manage") ? (
          <SignContract need={need} />
        ) : null
      ) : null}
    </Space>
  );
}

function Results({ opened }: { opened: Opened }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const rows = opened.results.map((result) => ({
    ...result,
    bid: opened.bids.find((bid) => bid.id === result.bidId)!,
  }));
  return (
    <Card size="small" title={t("services.bids")}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag color={opened.awardable ? "green" : "orange"}>
          {opened.awardable ? t("services.awardable") : t("services.notAwardable")}
        </Tag>
        <span data-testid="award-reason">{label("reason", opened.reason)}</span>
      </Space>
      <Table
        size="small"
        rowKey="bidId"
        pagination={false}
        dataSource={rows}
        data-testid="services-results"
        columns={[
          { title: t("services.rank"), dataIndex: "rank", render: (rank: number | null) => rank ?? "—" },
          {
            title: t("services.vendor"),
            render: (_: unknown, row) => (
              <>
                {row.bid.vendorName}
                {opened.winnerBidId === row.bidId ? (
                  <Tag color="green">
                    {opened.need.status === "awarded" ? t("services.winner") : t("services.proposedWinner")}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t("services.priceYuan"), render: (_: unknown, row) => row.bid.priceYuan, align: "right" },
          {
            title: t("services.valid"),
            render: (_: unknown, row) =>
              row.valid ? (
                <Tag color="green">{t("services.valid")}</Tag>
              ) : (
                <Tag>{label("invalidity", row.invalidity)}</Tag>
              ),
          },
          {
            title: t("services.pricePoints"),
            dataIndex: "pricePoints",
            render: (value: string | null) => value ?? "—",
          },
          {
            title: t("services.means"),
            dataIndex: "means",
            render: (means: Record<string, string>) =>
              Object.entries(means)
                .map(([key, value]) => `${t(`services.criterion.${key}`)} ${value}`)
                .join(" · ") || "—",
          },
          {
            title: t("services.reviewers"),
            render: (_: unknown, row) =>
              `${row.reviewers}${row.recused ? `（${t("services.recused")} ${row.recused}）` : ""}`,
          },
          {
            title: t("services.score"),
            dataIndex: "score",
            render: (value: string | null) => <strong>{value ?? "—"}</strong>,
          },
        ]}
        expandable={{
          expandedRowRender: (row) => (
            <>
              <Typography.Paragraph>
                <strong>{t("services.plan")}：</strong>
                {row.bid.plan}
              </Typography.Paragraph>
              <Typography.Paragraph>
                <strong>{t("services.team")}：</strong>
                {row.bid.team}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="reviewerId"
                pagination={false}
                dataSource={opened.reviews.filter((review) => review.bidId === row.bidId)}
                columns={[
                  { title: t("services.reviewer"), dataIndex: "reviewerName" },
                  {
                    title: t("services.conflict"),
                    render: (_: unknown, review) =>
                      review.conflict ? (
                        <Tag color="orange">{`${t("services.recusedTag")} ${review.conflictNote}`}</Tag>
                      ) : (
                        "—"
                      ),
                  },
                  ...(["plan", "staff", "past"] as const).map((key) => ({
                    title: t(`services.criterion.${key}`),
                    dataIndex: key,
                    render: (value: string | null) => value ?? "—",
                  })),
                ]}
              />
            </>
          ),
        }}
      />
    </Card>
  );
}

function AwardActions({ need, opened, onDone }: { need: Need; opened: Opened; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const exception = useSubmit(form, async (values: { reason: string }, key: string) => {
    await apiPost(`/services/needs/${need.id}/exception`, values, key);
    onDone();
  });
  const award = useSubmit(null, async (_: null, key: string) => {
    await apiPost(`/services/needs/${need.id}/award`, {}, key);
    onDone();
  });
  const validBids = opened.results.filter((each) => each.valid).length;
  return (
    <Card size="small" title={t("services.award")}>
      {validBids < 3 && !need.exceptionReason ? (
        <>
          <SubmitErrorAlert {...exception.alert} />
          <Form form={form} layout="inline" onFinish={(values) => void exception.submit(values)}>
            <Form.Item name="reason" label={t("services.exceptionReason")} rules={[{ required: true }]}>
              <Input style={{ width: 360 }} />
            </Form.Item>
            <Button htmlType="submit" loading={exception.saving}>
              {t("services.exception")}
            </Button>
          </Form>
        </>
      ) : null}
      <SubmitErrorAlert {...award.alert} />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={award.saving}
        onClick={() => void award.submit(null)}
        data-testid="need-award"
      >
        {t("services.award")}
      </Button>
    </Card>
  );
}

function ContractLink({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      title={
        <Space>
          {t("services.contract")}：{contract.vendorName} · {contract.amountYuan} 元 ·
          <CodeTag group="contractStatus" code={contract.status} />
          <Link to={`/console/services/contracts/${contract.id}`} data-testid="need-contract-link">
            {t("services.openContract")}
          </Link>
        </Space>
      }
    />
  );
}

interface ContractValues {
  satisfactionThreshold: number;
  milestones: { title: string; dueOn: Dayjs }[];
}

function SignContract({ need }: { need: Need }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ContractValues>();
  const { submit, alert, saving } = useSubmit(form, async (values: ContractValues, key: string) => {
    const created = await apiPost<Contract>(
      `/services/needs/${need.id}/contract`,
      {
        satisfactionThreshold: values.satisfactionThreshold,
        milestones: (values.milestones ?? []).map((each) => ({
          title: each.title,
          dueOn: each.dueOn ? each.dueOn.format("YYYY-MM-DD") : "",
        })),
      },
      key,
    );
    navigate(`/console/services/contracts/${created.id}`);
  });
  return (
    <Card size="small" title={t("services.signContract")}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ satisfactionThreshold: 70, milestones: [{ title: "" }] }}
      >
        <Form.Item name="satisfactionThreshold" label={t("services.threshold")}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Typography.Paragraph strong>{t("services.milestones")}</Typography.Paragraph>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="baseline" style={{ display: "flex" }}>
                  <Form.Item name={[field.name, "title"]} rules={[{ required: true }]}>
                    <Input
                      placeholder={t("services.milestone")}
                      style={{ width: 280 }}
                      data-testid={`milestone-title-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "dueOn"]} rules={[{ required: true }]}>
                    <DatePicker placeholder={t("services.dueOn")} data-testid={`milestone-due-${index}`} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button onClick={() => remove(field.name)} aria-label={t("action.remove")}>
                      −
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button onClick={() => add({ title: "" })}>{t("services.addMilestone")}</Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="contract-sign">
            {t("services.signContract")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
