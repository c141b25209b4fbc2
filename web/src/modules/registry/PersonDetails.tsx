import { Descriptions, Tag } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { formatTime } from "../../components/formatTime";
import { useTownLabel } from "../../components/useTownLabel";

/**
 * A person's record as the API returned it (masked fields stay masked). `own`: the resident's view of their own
 * record — no staff links, version or edit time.
 */
export function PersonDetails({
  person,
  communityName,
  own = false,
}: {
  person: Person;
  communityName?: string;
  own?: boolean;
}) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  return (
    <Descriptions
      size="small"
      bordered={!own}
      column={{ xs: 1, md: 2 }}
      data-testid="person-details"
      items={[
        { key: "name", label: t("person.name"), children: person.name },
        { key: "idNumber", label: t("person.idNumber"), children: <span className="mono">{person.idNumber}</span> },
        { key: "gender", label: t("person.gender"), children: person.gender ? t(`gender.${person.gender}`) : "" },
        { key: "birthDate", label: t("person.birthDate"), children: person.birthDate ?? "" },
        { key: "phone", label: t("person.phone"), children: <span className="mono">{person.phone ?? ""}</span> },
        {
          key: "hukouType",
          label: t("person.hukouType"),
          children: person.hukouType ? (
            <Tag>{t(`hukouType.${person.hukouType}`, { defaultValue: person.hukouType })}</Tag>
          ) : (
            ""
          ),
        },
        { key: "town", label: t("person.town"), children: townLabel(person.townCode) },
        ...(own
          ? []
          : [{ key: "community", label: t("person.community"), children: communityName ?? person.communityId ?? "" }]),
        { key: "address", label: t("person.address"), children: person.address ?? "" },
        ...(own
          ? []
          : [
              {
                key: "household",
                label: t("person.household"),
                children: person.householdId ? (
                  <Link to={`/console/registry/households/${person.householdId}`} data-testid="person-household-link">
                    {t("registry.openHousehold")}
                  </Link>
                ) : (
                  t("registry.noHousehold")
                ),
              },
              { key: "version", label: t("record.version"), children: person.version ?? "" },
              { key: "updatedAt", label: t("record.updatedAt"), children: formatTime(person.updatedAt) },
            ]),
      ]}
    />
  );
}
