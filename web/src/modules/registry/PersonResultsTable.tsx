import { Table, type TablePaginationConfig, Tag } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../api/types";
import { useTownLabel } from "../../components/useTownLabel";

/** Search hits for persons: masked ID number and phone as the API sends them, 镇区, household link. */
export function PersonResultsTable({
  persons,
  loading,
  pagination,
}: {
  persons: PersonSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
}) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  return (
    <Table<PersonSummary>
      size="small"
      rowKey="id"
      dataSource={persons}
      loading={loading}
      pagination={pagination}
      data-testid="person-results"
      columns={[
        {
          title: t("person.name"),
          dataIndex: "name",
          render: (name: string, person) => (
            <Link to={`/console/registry/persons/${person.id}`} data-testid="person-result-link">
              {name}
            </Link>
          ),
        },
        {
          title: t("person.idNumber"),
          dataIndex: "idNumber",
          render: (idNumber: string) => <span className="mono">{idNumber}</span>,
        },
        {
          title: t("person.gender"),
          dataIndex: "gender",
          render: (gender?: string) => (gender ? t(`gender.${gender}`) : ""),
        },
        { title: t("person.birthDate"), dataIndex: "birthDate" },
        {
          title: t("person.phone"),
          dataIndex: "phone",
          render: (phone?: string | null) => <span className="mono">{phone ?? ""}</span>,
        },
        { title: t("person.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
        {
          title: t("person.hukouType"),
          dataIndex: "hukouType",
          render: (type?: string) => (type ? <Tag>{t(`hukouType.${type}`, { defaultValue: type })}</Tag> : ""),
        },
        {
          title: t("person.household"),
          dataIndex: "householdId",
          render: (householdId: string | null) =>
            householdId ? (
              <Link to={`/console/registry/households/${householdId}`}>{t("registry.openHousehold")}</Link>
            ) : (
              t("registry.noHousehold")
            ),
        },
      ]}
    />
  );
}
