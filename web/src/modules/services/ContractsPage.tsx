// Service contracts: officers and auditors see all, a vendor its own; each with its state and improvement flag.
import { Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { CodeTag } from "./labels";

type Contracts = ApiResponse<"/services/contracts">;

export function ContractsPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Contracts>("/services/contracts");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.contractsTitle")}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="services-contracts"
        columns={[
          {
            title: t("services.title"),
            dataIndex: "needTitle",
            render: (title: string, record) => <Link to={`/console/services/contracts/${record.id}`}>{title}</Link>,
          },
          { title: t("services.vendor"), dataIndex: "vendorName" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("services.amountYuan"), dataIndex: "amountYuan", align: "right" },
          { title: t("services.signedOn"), dataIndex: "signedOn" },
          {
            title: t("services.milestones"),
            render: (_: unknown, record) =>
              `${record.milestones.filter((each) => each.doneOn).length}/${record.milestones.length}`,
          },
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
    </Space>
  );
}
