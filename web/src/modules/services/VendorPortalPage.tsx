// The vendor portal: register the organisation, upload each qualification document, see the qualification and
// its expiry warning, bid on open needs (sealed until the deadline), and open the organisation's contracts.
import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../components/formatTime";
import { Link } from "react-router-dom";
import { apiPost, apiRequest } from "../../api/client";
import { useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { uploadEvidence } from "../points/evidence";
import { CodeTag, useCodeLabel } from "./labels";

type OwnVendor = ApiResponse<"/services/vendors/mine">;
type Vendor = NonNullable<OwnVendor["vendor"]>;
type Needs = ApiResponse<"/services/needs">;
type Need = Needs["items"][number];
type OwnBid = ApiResponse<"/services/needs/{id}/bids/mine">;
type Contracts = ApiResponse<"/services/contracts">;
type RegisterBody = ApiBody<"/services/vendors", "post">;
type BidBody = ApiBody<"/services/needs/{id}/bids", "post">;

export function VendorPortalPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery<OwnVendor>("/services/vendors/mine");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.vendorTitle")}</Typography.Title>
      {data === undefined ? null : data.vendor ? (
        <>
          <VendorCard vendor={data.vendor} onChange={reload} />
          <OpenNeeds qualified={data.vendor.qualified} />
          <MyContracts />
        </>
      ) : (
        <RegisterForm onDone={reload} />
      )}
    </Space>
  );
}

function RegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const towns = useTowns();
  const [form] = Form.useForm<RegisterBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: RegisterBody, key: string) => {
    await apiPost("/services/vendors", values, key);
    onDone();
  });
  return (
    <Card size="small" title={t("services.register")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t("services.name")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t("services.creditCode")} rules={[{ required: true }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={t("services.legalRepresentative")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="bankAccount" label={t("services.bankAccount")} extra={t("services.bankAccountHelp")}>
          <Input maxLength={40} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="townCode" label={t("services.town")}>
          <Select allowClear options={towns.items.map((town) => ({ value: town.code, label: town.name }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="vendor-register">
          {t("services.register")}
        </Button>
      </Form>
    </Card>
  );
}

function VendorCard({ vendor, onChange }: { vendor: Vendor; onChange: () => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const upload = useSubmit(null, async ({ requirement, file }: { requirement: string; file: File }) => {
    const fileId = await uploadEvidence(file);
    await apiRequest("PUT", `/services/vendors/${vendor.id}/documents`, { body: { requirement, fileId } });
    onChange();
  });
  const [bankAccount, setBankAccount] = useState(vendor.bankAccount);
  const saveAccount = useSubmit(null, async (value: string) => {
    await apiRequest("PUT", `/services/vendors/${vendor.id}/bank-account`, { body: { bankAccount: value } });
    onChange();
  });
  return (
    <Card size="small" title={vendor.name} data-testid="vendor-card">
      {vendor.expiresSoon ? (
        <Alert type="warning" showIcon title={t("services.expiresSoon", { date: vendor.qualifiedUntil })} />
      ) : null}
      <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t("services.creditCode")}>{vendor.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t("services.legalRepresentative")}>{vendor.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={t("services.town")}>{townLabel(vendor.townCode) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("services.bankAccount")}>{vendor.bankAccount || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("services.qualification")}>
          {vendor.qualified ? (
            <Tag color="green">{t("services.qualified")}</Tag>
          ) : (
            <Tag>{t("services.notQualified")}</Tag>
          )}
          {vendor.qualifiedUntil ? `${t("services.qualifiedUntil")} ${vendor.qualifiedUntil}` : null}
        </Descriptions.Item>
        <Descriptions.Item label={t("services.categories")}>
          {vendor.qualifications.map((code) => label("category", code)).join("、") || "—"}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="vendor-bank-account">{t("services.bankAccount")}：</label>
        <Input
          id="vendor-bank-account"
          value={bankAccount}
          onChange={(event) => setBankAccount(event.target.value)}
          maxLength={40}
          inputMode="numeric"
          aria-label={t("services.bankAccount")}
          placeholder={t("services.bankAccountHelp")}
          style={{ width: 280 }}
          data-testid="vendor-bank-account"
        />
        <Button
          loading={saveAccount.saving}
          disabled={!bankAccount.trim() || bankAccount === vendor.bankAccount}
          onClick={() => void saveAccount.submit(bankAccount)}
          data-testid="vendor-bank-account-save"
        >
          {t("services.bankAccountSave")}
        </Button>
      </Space>
      <SubmitErrorAlert {...saveAccount.alert} />
      <SubmitErrorAlert {...upload.alert} />
      <Table
        size="small"
        rowKey="requirement"
        pagination={false}
        dataSource={vendor.requirements}
        data-testid="vendor-requirements"
        columns={[
          {
            title: t("services.requirements"),
            dataIndex: "requirement",
            render: (code: string) => label("requirement", code),
          },
          {
            title: t("services.document"),
            dataIndex: "fileId",
            render: (fileId: string | null) => (fileId ? <Tag color="blue">{t("services.uploaded")}</Tag> : "—"),
          },
          {
            title: t("services.check"),
            dataIndex: "passed",
            render: (passed: boolean | null, record) =>
              passed === null ? (
                <Tag>{t("services.unchecked")}</Tag>
              ) : (
                <>
                  <Tag color={passed ? "green" : "red"}>{passed ? t("services.passed") : t("services.failed")}</Tag>
                  {record.checkNote}
                </>
              ),
          },
          {
            title: t("action.actions"),
            render: (_: unknown, record) => (
              <Upload
                showUploadList={false}
                accept=".pdf,.jpg,.jpeg,.png"
                beforeUpload={(file) => {
                  void upload.submit({ requirement: record.requirement, file });
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} loading={upload.saving}>
                  {t("services.upload")}
                </Button>
              </Upload>
            ),
          },
        ]}
      />
    </Card>
  );
}

function OpenNeeds({ qualified }: { qualified: boolean }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, loading } = useApiQuery<Needs>("/services/needs");
  const [selected, setSelected] = useState<Need | null>(null);
  const open = (data?.items ?? []).filter((need) => need.status === "open" && !need.bidsOpened);
  return (
    <Card size="small" title={t("services.openNeeds")}>
      <Typography.Paragraph type="secondary">{t("services.sealedNote")}</Typography.Paragraph>
      <Table<Need>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={open}
        data-testid="vendor-open-needs"
        columns={[
          { title: t("services.title"), dataIndex: "title" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.budgetYuan"), dataIndex: "budgetYuan", align: "right" },
          { title: t("services.bidsCloseOn"), dataIndex: "bidsCloseOn" },
          {
            title: t("action.actions"),
            render: (_: unknown, need) => (
              <Button
                size="small"
                disabled={!qualified}
                onClick={() => setSelected(need)}
                data-testid="vendor-bid-open"
              >
                {t("services.bid")}
              </Button>
            ),
          },
        ]}
      />
      {selected ? <BidForm key={selected.id} need={selected} /> : null}
    </Card>
  );
}

function BidForm({ need }: { need: Need }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BidBody>();
  const { data, reload } = useApiQuery<OwnBid>(`/services/needs/${need.id}/bids/mine`);
  const { submit, alert, saving } = useSubmit(form, async (values: BidBody, key: string) => {
    await apiPost(`/services/needs/${need.id}/bids`, values, key);
    reload();
  });
  const bid = data?.bid;
  return (
    <Card size="small" type="inner" title={`${t("services.bid")}：${need.title}`} style={{ marginTop: 12 }}>
      {bid ? (
        <Alert
          type="success"
          showIcon
          data-testid="vendor-own-bid"
          title={`${t("services.myBid")}：${bid.priceYuan} 元（${formatTime(bid.submittedAt)}）`}
        />
      ) : null}
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        style={{ marginTop: 8 }}
        key={bid?.id ?? "new"}
        initialValues={bid ? { priceYuan: bid.priceYuan, plan: bid.plan, team: bid.team } : undefined}
      >
        <Form.Item name="priceYuan" label={t("services.priceYuan")} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="bid-price" />
        </Form.Item>
        <Form.Item name="plan" label={t("services.plan")} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="bid-plan" />
        </Form.Item>
        <Form.Item name="team" label={t("services.team")} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="bid-team" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="bid-submit">
          {bid ? t("services.replaceBid") : t("services.bid")}
        </Button>
      </Form>
    </Card>
  );
}

function MyContracts() {
  const { t } = useTranslation();
  const { data, loading } = useApiQuery<Contracts>("/services/contracts");
  return (
    <Card size="small" title={t("services.myContracts")}>
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          {
            title: t("services.title"),
            dataIndex: "needTitle",
            render: (title: string, record) => <Link to={`/console/services/contracts/${record.id}`}>{title}</Link>,
          },
          { title: t("services.amountYuan"), dataIndex: "amountYuan", align: "right" },
          { title: t("services.signedOn"), dataIndex: "signedOn" },
          {
            title: t("services.status"),
            render: (_: unknown, record) => (
              <>
                <CodeTag group="contractStatus" code={record.status} />
                <CodeTag group="improvement" code={record.improvement} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
