import { Alert, Card, Descriptions, Empty, Skeleton, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { HouseholdMember, Profile } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { describeError } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { PersonDetails } from "../registry/PersonDetails";

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
    </>
  );
}
