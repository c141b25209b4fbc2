import { Descriptions } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Household } from "../../api/types";
import { useTownLabel } from "../../components/useTownLabel";

/** A household's address, 镇区, community and head. */
export function HouseholdDetails({ household, communityName }: { household: Household; communityName?: string }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const head = household.members.find((member) => member.personId === household.headPersonId);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="household-details"
      items={[
        { key: "address", label: t("household.address"), children: household.address, span: 2 },
        { key: "town", label: t("person.town"), children: townLabel(household.townCode) },
        { key: "community", label: t("person.community"), children: communityName ?? household.communityId ?? "" },
        {
          key: "head",
          label: t("household.head"),
          children: household.headPersonId ? (
            <Link to={`/console/registry/persons/${household.headPersonId}`}>
              {head?.name ?? t("registry.openPerson")}
            </Link>
          ) : (
            ""
          ),
        },
        { key: "version", label: t("record.version"), children: household.version ?? "" },
      ]}
    />
  );
}
