// One activity for its organisers: the roster (sign-ups and waiting list), check-in and check-out from the list or
// by the volunteer's QR code, hours confirmed into the ledger, and corrections as reversing entries.
import { useState } from "react";
import { CameraOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { QrScanner } from "../../components/QrScanner";
import { FormModal } from "../../components/FormModal";
import { formatTime } from "../../components/formatTime";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { activityPeriod, SignupStatusTag } from "./labels";

type Roster = ApiResponse<"/participation/activities/{id}/roster">;
type Line = Roster["items"][number];
type Entry = Roster["entries"][number];
type HoursBody = ApiBody<"/participation/signups/{id}/hours", "post">;
type ReversalBody = ApiBody<"/participation/ledger/{id}/reversals", "post">;

/** The roster page of one activity. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const townLabel = useTownLabel();
  const { data, error, reload } = useApiQuery<Roster>(`/participation/activities/${id}/roster`);
  const [confirming, setConfirming] = useState<Line | null>(null);
  const [reversing, setReversing] = useState<Entry | null>(null);
  const action = useSubmit(null, async ({ path }: { path: string }, key: string) => {
    await apiPost(path, {}, key);
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const { activity } = data;
  const names = new Map(data.items.map((line) => [line.personId, line.name]));
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("participation.rosterTitle", { title: activity.title })}</Typography.Title>
      <Typography.Text>
        {activity.organisationName} · {t(`participation.categories.${activity.category}`)} ·{" "}
        {activityPeriod(activity.startsAt, activity.endsAt)} · {townLabel(activity.townCode)} {activity.place} ·{" "}
        {activity.confirmedCount}/{activity.capacity}
        {activity.campaignName ? <Tag style={{ marginLeft: 8 }}>{activity.campaignName}</Tag> : null}
      </Typography.Text>
      <TokenCheckIn activityId={id} onDone={reload} />
      <SubmitErrorAlert {...action.alert} />
      <Card size="small" title={t("participation.roster")}>
        <Table<Line>
          size="small"
          rowKey="signupId"
          pagination={false}
          dataSource={data.items}
          data-testid="roster"
          columns={[
            { title: t("participation.name"), dataIndex: "name" },
            {
              title: t("participation.status"),
              dataIndex: "status",
              render: (status: string) => <SignupStatusTag status={status} />,
            },
            {
              title: t("participation.partyMember"),
              dataIndex: "partyMember",
              render: (value: boolean) => (value ? <Tag color="red">{t("participation.partyMember")}</Tag> : null),
            },
            { title: t("participation.checkedInAt"), dataIndex: "checkedInAt", render: formatTime },
            { title: t("participation.checkedOutAt"), dataIndex: "checkedOutAt", render: formatTime },
            { title: t("participation.confirmedHours"), dataIndex: "confirmedHours" },
            {
              title: "",
              render: (_: unknown, line) =>
                line.status === "confirmed" ? (
                  <Space size="small">
                    {line.checkedInAt ? null : (
                      <Button
                        size="small"
                        data-testid="check-in"
                        onClick={() => void action.submit({ path: `/participation/signups/${line.signupId}/check-in` })}
                      >
                        {t("participation.checkIn")}
                      </Button>
                    )}
                    {line.checkedInAt && !line.checkedOutAt ? (
                      <Button
                        size="small"
                        data-testid="check-out"
                        onClick={() =>
                          void action.submit({ path: `/participation/signups/${line.signupId}/check-out` })
                        }
                      >
                        {t("participation.checkOut")}
                      </Button>
                    ) : null}
                    <Button size="small" type="primary" data-testid="confirm-hours" onClick={() => setConfirming(line)}>
                      {t("participation.confirmHours")}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("participation.entries")}>
        <Typography.Paragraph type="secondary">{t("participation.entriesHint")}</Typography.Paragraph>
        <Table<Entry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.entries}
          data-testid="activity-entries"
          columns={[
            {
              title: t("participation.person"),
              dataIndex: "personId",
              render: (person: string) => names.get(person) ?? "—",
            },
            { title: t("participation.servedOn"), dataIndex: "servedOn" },
            { title: t("participation.hours"), dataIndex: "hours" },
            { title: t("participation.confirmedBy"), dataIndex: "confirmedBy" },
            {
              title: t("participation.reason"),
              render: (_: unknown, entry) =>
                entry.reversesEntryId ? (
                  <>
                    <Tag color="orange">{t("participation.reverses")}</Tag>
                    {entry.reason}
                  </>
                ) : (
                  entry.reason
                ),
            },
            {
              title: "",
              render: (_: unknown, entry) =>
                entry.reversesEntryId ? null : (
                  <Button size="small" data-testid="reverse-entry" onClick={() => setReversing(entry)}>
                    {t("participation.reverse")}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {confirming ? <ConfirmHoursModal line={confirming} onClose={() => setConfirming(null)} onDone={reload} /> : null}
      {reversing ? <ReverseModal entry={reversing} onClose={() => setReversing(null)} onDone={reload} /> : null}
    </Space>
  );
}

function TokenCheckIn({ activityId, onDone }: { activityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ token: string }>();
  const [scanning, setScanning] = useState(false);
  const { submit, alert, saving } = useSubmit(form, async (values: { token: string }, key: string) => {
    await apiPost(`/participation/activities/${activityId}/check-in`, { token: values.token.trim() }, key);
    form.resetFields();
    onDone();
  });
  // A code read by the camera goes into the field and is submitted, as a handheld scanner's Enter would.
  const scanned = (token: string) => {
    setScanning(false);
    form.setFieldsValue({ token });
    void submit({ token });
  };
  return (
    <Card
      size="small"
      title={t("participation.tokenCheckIn")}
      extra={
        <Button
          icon={<CameraOutlined />}
          onClick={() => setScanning(!scanning)}
          aria-expanded={scanning}
          data-testid="qr-scan-toggle"
        >
          {scanning ? t("qrScanner.close") : t("qrScanner.open")}
        </Button>
      }
    >
      {scanning ? (
        <div style={{ maxWidth: 480, marginBottom: 12 }} aria-label={t("qrScanner.title")} role="region">
          <QrScanner onScan={scanned} />
        </div>
      ) : null}
      <SubmitErrorAlert {...alert} />
      <Form form={form} layout="inline" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="token"
          label={t("participation.token")}
          extra={t("participation.tokenHelp")}
          rules={[{ required: true }]}
        >
          <Input style={{ width: 320 }} autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          {t("participation.checkIn")}
        </Button>
      </Form>
    </Card>
  );
}

function ConfirmHoursModal({ line, onClose, onDone }: { line: Line; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HoursBody>();
  const submission = useSubmit(form, async (values: HoursBody, key: string) => {
    const body: HoursBody = values.hours ? { hours: values.hours } : {};
    await apiPost(`/participation/signups/${line.signupId}/hours`, body, key);
    onClose();
    onDone();
  });
  return (
    <FormModal
      open
      title={`${t("participation.confirmHours")} · ${line.name}`}
      okText={t("participation.confirmHours")}
      submitTestId="confirm-hours-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="hours" label={t("participation.hours")} extra={t("participation.hoursHint")}>
          <Input inputMode="decimal" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ReverseModal({ entry, onClose, onDone }: { entry: Entry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReversalBody>();
  const submission = useSubmit(form, async (values: ReversalBody, key: string) => {
    await apiPost(
      `/participation/ledger/${entry.id}/reversals`,
      { reason: values.reason, ...(values.hours ? { hours: values.hours } : {}) },
      key,
    );
    onClose();
    onDone();
  });
  return (
    <FormModal
      open
      title={`${t("participation.reverseTitle")} · ${entry.servedOn} · ${entry.hours}`}
      okText={t("participation.reverse")}
      submitTestId="reverse-submit"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="hours" label={t("participation.reverseHours")}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="reason" label={t("participation.reason")} rules={[{ required: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
