// A resident's own volunteering: hours by year, category and place, the ledger entries, the certificate PDF, the
// Party-member declaration, their sign-ups with the check-in code (as text and as a QR code to show the organiser),
// and the activities open for sign-up.
import { QrcodeOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Empty, Modal, Skeleton, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost, apiRequest, apiUrl } from "../../api/client";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorResult } from "../../components/ErrorResult";
import { formatTime } from "../../components/formatTime";
import { QrCode } from "../../components/QrCode";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";
import { activityPeriod, SignupStatusTag } from "./labels";

type Mine = ApiResponse<"/participation/me">;
type Entry = Mine["entries"][number];
type Signup = Mine["signups"][number];
type Activities = ApiResponse<"/participation/activities">;
type Activity = Activities["items"][number];
type Cancelled = ApiResponse<"/participation/signups/{id}/cancel", "post">;

/** The "my volunteering" page. */
export function MyVolunteeringPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApiQuery<Mine>("/participation/me");
  const [notice, setNotice] = useState<string | null>(null);
  const profile = useSubmit(null, async (partyMember: boolean) => {
    await apiRequest("PUT", "/participation/me/profile", { body: { partyMember } });
    reload();
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const years = data.byYear.map((row) => row.year);
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("participation.mineTitle")}</Typography.Title>
      <Statistic
        title={t("participation.hoursTotal")}
        value={data.totalHours}
        data-testid="my-total-hours"
        suffix={<span>{t("participation.hoursUnit")}</span>}
      />
      <Space wrap>
        <a href={apiUrl("/participation/me/certificate")} data-testid="certificate-all">
          {t("participation.certificateAll")}
        </a>
        {years.map((year) => (
          <a key={year} href={apiUrl("/participation/me/certificate", { year })}>
            {t("participation.certificateYear", { year })}
          </a>
        ))}
      </Space>
      <SubmitErrorAlert {...profile.alert} />
      <Checkbox
        checked={data.partyMember}
        disabled={profile.saving}
        onChange={(event) => void profile.submit(event.target.checked)}
        data-testid="party-member"
      >
        {t("participation.declareParty")}
      </Checkbox>
      {data.rows.length === 0 ? (
        <Empty description={t("participation.noHours")} />
      ) : (
        <Space wrap align="start" size="large">
          <HoursTable
            title={t("participation.byYear")}
            rows={data.byYear.map((row) => [String(row.year), row.hours])}
          />
          <HoursTable
            title={t("participation.byCategory")}
            rows={data.byCategory.map((row) => [t(`participation.categories.${row.category}`), row.hours])}
          />
          <HoursTable
            title={t("participation.byPlace")}
            rows={data.byPlace.map((row) => [t(`participation.places.${row.place}`), row.hours])}
          />
        </Space>
      )}
      <Card size="small" title={t("participation.entries")}>
        <Table<Entry>
          size="small"
          rowKey="id"
          dataSource={data.entries}
          data-testid="my-entries"
          columns={[
            { title: t("participation.servedOn"), dataIndex: "servedOn" },
            {
              title: t("participation.title"),
              render: (_: unknown, entry) =>
                entry.activityTitle
                  ? `${entry.activityTitle} (${entry.organisationName ?? ""})`
                  : t("participation.sources.import"),
            },
            {
              title: t("participation.category"),
              dataIndex: "category",
              render: (category: string) => t(`participation.categories.${category}`),
            },
            {
              title: t("participation.place"),
              dataIndex: "place",
              render: (place: string) => t(`participation.places.${place}`),
            },
            { title: t("participation.hours"), dataIndex: "hours" },
            {
              title: t("participation.reason"),
              render: (_: unknown, entry) => (
                <>
                  {entry.reversesEntryId ? <Tag color="orange">{t("participation.reverses")}</Tag> : null}
                  {entry.reason}
                </>
              ),
            },
          ]}
        />
      </Card>
      {notice ? <Alert type="success" title={notice} closable onClose={() => setNotice(null)} /> : null}
      <MySignups signups={data.signups} onDone={(message) => (setNotice(message), reload())} />
      <Upcoming
        signedUp={new Set(data.signups.filter((s) => s.status !== "cancelled").map((s) => s.activityId))}
        onDone={(message) => (setNotice(message), reload())}
      />
    </Space>
  );
}

function HoursTable({ title, rows }: { title: string; rows: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title}>
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => row[0]}
        dataSource={rows}
        columns={[
          { title, render: (_: unknown, row) => row[0] },
          { title: t("participation.hours"), render: (_: unknown, row) => row[1] },
        ]}
      />
    </Card>
  );
}

function MySignups({ signups, onDone }: { signups: Signup[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const cancel = useSubmit(null, async (id: string, key: string) => {
    const answer = await apiPost<Cancelled>(`/participation/signups/${id}/cancel`, {}, key);
    onDone(answer.promoted ? t("participation.promoted") : t("participation.cancelled"));
  });
  const [shown, setShown] = useState<{ title: string; token: string } | null>(null);
  return (
    <Card size="small" title={t("participation.mySignups")}>
      <SubmitErrorAlert {...cancel.alert} />
      <Modal
        open={shown !== null}
        title={shown ? t("participation.tokenQrTitle", { title: shown.title }) : ""}
        footer={null}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown ? (
          <Space orientation="vertical" align="center" style={{ width: "100%" }}>
            <Typography.Text>{t("participation.tokenQrHint")}</Typography.Text>
            <QrCode
              text={shown.token}
              label={t("participation.tokenQrAlt", { title: shown.title })}
              fileName={`check-in-${shown.token.slice(0, 8)}.png`}
              size={280}
              testId="token-qr"
            />
            <Typography.Text code copyable>
              {shown.token}
            </Typography.Text>
          </Space>
        ) : null}
      </Modal>
      <Table<Signup>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={signups}
        data-testid="my-signups"
        columns={[
          { title: t("participation.title"), dataIndex: "activityTitle" },
          { title: t("participation.period"), render: (_: unknown, s) => activityPeriod(s.startsAt, s.endsAt) },
          {
            title: t("participation.status"),
            render: (_: unknown, s) => (
              <>
                <SignupStatusTag status={s.status} />
                {s.waitingPosition ? t("participation.waitingPosition", { position: s.waitingPosition }) : null}
              </>
            ),
          },
          {
            title: t("participation.signupToken"),
            render: (_: unknown, s) =>
              // The code is for checking in: not shown once used, nor after the activity (check-in is refused then).
              s.token && s.status === "confirmed" && !s.checkedInAt && new Date(s.endsAt).getTime() > Date.now() ? (
                <Space wrap>
                  <Typography.Text code copyable>
                    {s.token}
                  </Typography.Text>
                  <Button
                    size="small"
                    icon={<QrcodeOutlined />}
                    onClick={() => setShown({ title: s.activityTitle, token: s.token ?? "" })}
                    data-testid="show-token-qr"
                  >
                    {t("participation.showQr")}
                  </Button>
                </Space>
              ) : s.checkedInAt ? (
                <Typography.Text type="secondary">
                  {t("participation.checkedInOn", { time: formatTime(s.checkedInAt).slice(0, 16) })}
                </Typography.Text>
              ) : null,
          },
          {
            title: "",
            render: (_: unknown, s) =>
              s.status !== "cancelled" && !s.checkedInAt && new Date(s.startsAt).getTime() > Date.now() ? (
                <ConfirmButton
                  size="small"
                  testId="cancel-signup"
                  consequence={
                    s.status === "waiting"
                      ? t("participation.cancelWaitingConsequence")
                      : t("participation.cancelConsequence")
                  }
                  onConfirm={() => cancel.submit(s.id)}
                >
                  {t("participation.cancel")}
                </ConfirmButton>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function Upcoming({ signedUp, onDone }: { signedUp: Set<string>; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, reload } = useApiQuery<Activities>("/participation/activities");
  const signUp = useSubmit(null, async (id: string, key: string) => {
    const answer = await apiPost<Signup>(`/participation/activities/${id}/signups`, {}, key);
    reload();
    onDone(answer.status === "waiting" ? t("participation.waitingDone") : t("participation.signedUpDone"));
  });
  return (
    <Card size="small" title={t("participation.upcoming")}>
      <SubmitErrorAlert {...signUp.alert} />
      <Table<Activity>
        size="small"
        rowKey="id"
        dataSource={data?.items ?? []}
        data-testid="upcoming-activities"
        columns={[
          { title: t("participation.title"), dataIndex: "title" },
          { title: t("participation.organisation"), dataIndex: "organisationName" },
          {
            title: t("participation.category"),
            dataIndex: "category",
            render: (category: string) => t(`participation.categories.${category}`),
          },
          { title: t("participation.period"), render: (_: unknown, a) => activityPeriod(a.startsAt, a.endsAt) },
          { title: t("participation.place"), render: (_: unknown, a) => `${townLabel(a.townCode)} ${a.place}` },
          {
            title: t("participation.signedUp"),
            render: (_: unknown, a) => `${a.confirmedCount}/${a.capacity} · ${a.waitingCount}`,
          },
          {
            title: "",
            render: (_: unknown, a) =>
              signedUp.has(a.id) ? null : (
                <Button size="small" type="primary" onClick={() => void signUp.submit(a.id)}>
                  {t("participation.signUp")}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
