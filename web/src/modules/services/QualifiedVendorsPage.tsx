// The public list of qualified service vendors: name, 镇区, categories and expiry.
import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { useCodeLabel } from "./labels";

type Qualified = ApiResponse<"/services/vendors/qualified">;

export function QualifiedVendorsPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Qualified>("/services/vendors/qualified");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Card style={{ margin: "24px auto", maxWidth: 1000 }}>
      <Typography.Title level={3}>{t("services.qualifiedTitle")}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="qualified-vendors"
        columns={[
          { title: t("services.name"), dataIndex: "name" },
          { title: t("services.town"), dataIndex: "townCode", render: (code: string | null) => townLabel(code) || "—" },
          {
            title: t("services.categories"),
            dataIndex: "qualifications",
            render: (codes: string[]) => codes.map((code) => label("category", code)).join("、"),
          },
          { title: t("services.qualifiedUntil"), dataIndex: "qualifiedUntil" },
        ]}
      />
    </Card>
  );
}
