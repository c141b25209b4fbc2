import { Table, type TablePaginationConfig } from "antd";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { HouseholdSummary } from "../../api/types";
import { useTownLabel } from "../../components/useTownLabel";

/** Search hits for households: address, head, 镇区, member count. */
export function HouseholdResultsTable({
  households,
  loading,
  pagination,
}: {
  households: HouseholdSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
}) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  return (
    <Table<HouseholdSummary>
      size="small"
      rowKey="id"
      dataSource={households}
      loading={loading}
      pagination={pagination}
      data-testid="household-results"
      columns={[
        {
          title: t("household.address"),
          dataIndex: "address",
          render: (address: string, household) => (
            <Link to={`/console/registry/households/${household.id}`} data-testid="household-result-link">
              {address}
            </Link>
          ),
        },
        {
          title: t("household.head"),
          key: "head",
          render: (_: unknown, household) => household.headName ?? "",
        },
        {
          title: t("household.headIdNumber"),
          dataIndex: "headIdNumber",
          render: (idNumber: string | null) => <span className="mono">{idNumber ?? ""}</span>,
        },
        { title: t("person.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
        { title: t("household.memberCount"), dataIndex: "memberCount" },
      ]}
    />
  );
}
