import { Alert, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Typography, message } from "antd";
import { useState } from "react";
import { apiDownload } from "../../api/client";
import { useTranslation } from "react-i18next";
import type { HouseholdMember, Profile } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { describeError } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { PersonDetails } from "../registry/PersonDetails";

/** PIPL: the resident downloads everything held about them (JSON or a PDF in Chinese); each download is audited. */
function DownloadMyData() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<"json" | "pdf" | null>(null);
  const download = async (format: "json" | "pdf") => {
    setBusy(format);
    try {
      await apiDownload(`/me/personal-data/${format}`, {}, `personal-data.${format}`);
    } catch {
      void message.error(t("profile.downloadFailed"));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t("profile.download")} data-testid="profile-download" className="stack-gap">
      <Typography.Paragraph type="secondary">{t("profile.downloadHint")}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => void download("json")} loading={busy === "json"} data-testid="download-json">
          {t("profile.downloadJson")}
        </Button>
        <Button onClick={() => void download("pdf")} loading={busy === "pdf"} data-testid="download-pdf">
          {t("profile.downloadPdf")}
        </Button>
      </Space>
    </Card>
  );
}

/** The resident's own person and household from `/me/profile`, masked where the API masks. */
export function ProfilePanel() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading } = useApiQuery<Profile>("/me/profile");
  if (loading && !data) return <Skeleton active />;
  if (error?.status === 404) return <Empty description={t("profile.noPerson")} data-testid="profile-none" />;
  if (error) return <Alert type="error" showIcon title={describeError(error, t)} />;
  const person = data?.person;
  const household = data?.household;
  return (
    <>
      <Card size="small" title={t("profile.person")} data-testid="profile-person">
        {person ? <PersonDetails person={person} own /> : <Empty description={t("profile.noPerson")} />}
      </Card>
      <Card size="small" title={t("profile.household")} data-testid="profile-household" className="stack-gap">
        {household ? (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: "address", label: t("household.address"), children: household.address },
                { key: "town", label: t("person.town"), children: townLabel(household.townCode) },
              ]}
            />
            <Table<HouseholdMember>
              size="small"
              pagination={false}
              rowKey="personId"
              dataSource={household.members}
              columns={[
                { title: t("person.name"), dataIndex: "name" },
                {
                  title: t("household.relationship"),
                  dataIndex: "relationship",
                  render: (relationship: string) => t(`relationship.${relationship}`, { defaultValue: relationship }),
                },
                { title: t("household.since"), dataIndex: "since" },
              ]}
            />
          </>
        ) : (
          <Empty description={t("profile.noHousehold")} />
        )}
      </Card>
      <DownloadMyData />
    </>
  );
}
