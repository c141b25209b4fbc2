// 开放数据: the datasets of /open-data/catalog.json with their CSV and JSON downloads and their data dictionary.
import { useEffect, useState } from "react";
import { Alert, Space, Spin, Table, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { paths } from "../../../generated/openapi";
import { formatTime } from "../../components/formatTime";

type Catalog = paths["/open-data/catalog.json"]["get"]["responses"][200]["content"]["application/json"];
type Dataset = Catalog["datasets"][number];

/** The catalogue (served at the site root, not under /api/v1). */
function useCatalog(): { catalog: Catalog | null; failed: boolean } {
  const [state, setState] = useState<{ catalog: Catalog | null; failed: boolean }>({ catalog: null, failed: false });
  useEffect(() => {
    let active = true;
    fetch("/open-data/catalog.json", { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const catalog = (await response.json()) as Catalog;
        if (active) setState({ catalog, failed: false });
      })
      .catch(() => active && setState({ catalog: null, failed: true }));
    return () => {
      active = false;
    };
  }, []);
  return state;
}

/** The open data page (public). */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const { catalog, failed } = useCatalog();
  return (
    <Space orientation="vertical" size="middle" className="page-stack public-page" data-testid="open-data-page">
      <Typography.Title level={2}>{t("insight.openDataTitle")}</Typography.Title>
      <Typography.Paragraph>
        {t("insight.openDataIntro")} <a href="/open-data/catalog.json">/open-data/catalog.json</a>
      </Typography.Paragraph>
      {failed ? <Alert type="error" showIcon title={t("error.network")} /> : null}
      {!catalog && !failed ? <Spin size="large" className="page-spinner" /> : null}
      {catalog ? (
        <Table<Dataset>
          rowKey="id"
          dataSource={catalog.datasets}
          pagination={false}
          data-testid="open-data-datasets"
          expandable={{
            expandedRowRender: (dataset) => <Dictionary dataset={dataset} english={english} />,
            expandRowByClick: false,
          }}
          columns={[
            {
              title: t("insight.dataset"),
              key: "title",
              render: (_, dataset) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{english ? dataset.titleEn : dataset.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {english ? dataset.descriptionEn : dataset.description}
                  </Typography.Text>
                  <Typography.Text code>{dataset.id}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t("insight.updated"),
              dataIndex: "updated",
              render: (updated: string | null) => (updated ? formatTime(updated) : t("insight.neverUpdated")),
            },
            {
              title: t("insight.downloads"),
              key: "files",
              render: (_, dataset) => (
                <Space wrap>
                  <a href={dataset.csv} download data-testid={`open-data-csv-${dataset.id}`}>
                    <DownloadOutlined /> CSV
                  </a>
                  <a href={dataset.json} data-testid={`open-data-json-${dataset.id}`}>
                    <DownloadOutlined /> JSON
                  </a>
                  <a href={dataset.dictionary}>{t("insight.dictionary")}</a>
                </Space>
              ),
            },
          ]}
        />
      ) : null}
    </Space>
  );
}

/** A dataset's data dictionary: column, type, description. */
function Dictionary({ dataset, english }: { dataset: Dataset; english: boolean }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={dataset.columns}
      data-testid={`open-data-dictionary-${dataset.id}`}
      columns={[
        { title: t("insight.column"), dataIndex: "name", render: (name: string) => <code>{name}</code> },
        { title: t("insight.type"), dataIndex: "type" },
        {
          title: t("insight.description"),
          key: "description",
          render: (_, column) => (english ? column.description.en : column.description.zh),
        },
      ]}
    />
  );
}
