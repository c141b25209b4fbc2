// Admins: the Open311 API keys of the integrators (12345 hotline, other systems). A key is shown once, when it is
// issued: only its hash and its last characters are stored, so the list shows the hint and never the key.
import { useState } from "react";
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client";
import type { ApiResponse, ItemOf } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorResult } from "../../components/ErrorResult";
import { formatTime } from "../../components/formatTime";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";

type Keys = ApiResponse<"/open311/keys">;
type Key = ItemOf<Keys>;
type Issued = ApiResponse<"/open311/keys", "post">;

/** The keys, the form that issues one (its secret shown once) and the revocation of a key. */
export function KeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApiQuery<Keys>("/open311/keys");
  const [issued, setIssued] = useState<Issued | null>(null);
  const revocation = useSubmit(null, async (key: Key) => {
    await apiPost(`/open311/keys/${key.id}/revoke`);
    message.success(t("tipoffs.keyRevoked", { label: key.label }));
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("tipoffs.keysTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("tipoffs.keysHint")}</Typography.Paragraph>
      {issued ? <IssuedKey issued={issued} onClose={() => setIssued(null)} /> : null}
      <IssueForm
        onIssued={(answer) => {
          setIssued(answer);
          reload();
        }}
      />
      <SubmitErrorAlert {...revocation.alert} />
      <Table<Key>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="open311-keys"
        columns={[
          { title: t("tipoffs.keyLabel"), dataIndex: "label" },
          {
            title: t("tipoffs.keyHint"),
            dataIndex: "keyHint",
            render: (hint: string) => <Typography.Text code>{hint}</Typography.Text>,
          },
          { title: t("tipoffs.keyCreatedBy"), dataIndex: "createdBy" },
          { title: t("tipoffs.keyCreatedAt"), dataIndex: "createdAt", render: (at: string) => formatTime(at) },
          {
            title: t("tipoffs.state"),
            render: (_: unknown, key) =>
              key.revokedAt ? (
                <Tag>{t("tipoffs.keyRevokedAt", { at: formatTime(key.revokedAt) })}</Tag>
              ) : (
                <Tag color="green">{t("tipoffs.keyActive")}</Tag>
              ),
          },
          {
            title: t("action.actions"),
            key: "actions",
            render: (_: unknown, key) =>
              key.revokedAt ? null : (
                <ConfirmButton
                  size="small"
                  danger
                  loading={revocation.saving}
                  testId={`revoke-key-${key.id}`}
                  consequence={t("tipoffs.revokeConsequence", { label: key.label })}
                  onConfirm={() => revocation.submit(key)}
                >
                  {t("tipoffs.revokeKey")}
                </ConfirmButton>
              ),
          },
        ]}
      />
    </Space>
  );
}

function IssueForm({ onIssued }: { onIssued: (issued: Issued) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ label: string }>();
  const { submit, alert, saving } = useSubmit(form, async (values: { label: string }, key: string) => {
    const answer = await apiPost<Issued>("/open311/keys", values, key);
    form.resetFields();
    onIssued(answer);
  });
  return (
    <Card size="small" title={t("tipoffs.issueKey")}>
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="inline" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="label"
          label={t("tipoffs.keyLabel")}
          extra={t("tipoffs.keyLabelHint")}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input style={{ width: 320 }} data-testid="key-label" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="issue-key">
          {t("tipoffs.issueKey")}
        </Button>
      </Form>
    </Card>
  );
}

/** The key just issued: the only time it is shown. */
function IssuedKey({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="issued-key"
      title={t("tipoffs.keyIssuedTitle", { label: issued.label })}
      description={
        <Space orientation="vertical">
          <Typography.Text strong>{t("tipoffs.keyShownOnce")}</Typography.Text>
          <Typography.Text code copyable={{ text: issued.apiKey }} data-testid="issued-key-value">
            {issued.apiKey}
          </Typography.Text>
          <Button onClick={onClose} data-testid="issued-key-done">
            {t("tipoffs.keyCopied")}
          </Button>
        </Space>
      }
    />
  );
}
