// Social-work stations (社工站): the coverage of the 24 镇区 (public), and for the programme admin the form that
// records a 镇区's station with its staff, services and supervision contract.
import { Button, Card, Form, Input, InputNumber, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../api/client";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { useTownLabel } from "../../components/useTownLabel";

type Coverage = ApiResponse<"/services/stations">;
type Row = Coverage["items"][number];
type Contracts = ApiResponse<"/services/contracts">;
type StationBody = ApiBody<"/services/stations/{townCode}", "put">;

function Coverage({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { data, error, loading, reload } = useApiQuery<Coverage>("/services/stations");
  const [editing, setEditing] = useState<Row | null>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("services.stationsTitle")}</Typography.Title>
      {data ? (
        <Space size="large">
          <Statistic title={t("services.coverage")} value={`${data.covered} / ${data.towns}`} />
          <Statistic title={t("services.socialWorkers")} value={data.socialWorkers} />
        </Space>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="townCode"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="services-stations"
        columns={[
          { title: t("services.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          {
            title: t("services.stationName"),
            render: (_: unknown, row) => row.station?.name ?? <Tag>{t("services.noStation")}</Tag>,
          },
          { title: t("services.staff"), render: (_: unknown, row) => row.station?.staff ?? "—" },
          { title: t("services.socialWorkers"), render: (_: unknown, row) => row.station?.socialWorkers ?? "—" },
          {
            title: t("services.stationServices"),
            render: (_: unknown, row) => row.station?.services.join("、") ?? "—",
          },
          { title: t("services.supervision"), render: (_: unknown, row) => row.station?.supervisionVendor ?? "—" },
          ...(manage
            ? [
                {
                  title: t("action.actions"),
                  render: (_: unknown, row: Row) => (
                    <Button size="small" onClick={() => setEditing(row)}>
                      {t("action.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {manage && editing ? (
        <StationForm
          key={editing.townCode}
          row={editing}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function StationForm({ row, onDone }: { row: Row; onDone: () => void }) {
  const { t } = useTranslation();
  const contracts = useApiQuery<Contracts>("/services/contracts");
  const [form] = Form.useForm<StationBody>();
  const { submit, alert, saving } = useSubmit(form, async (values: StationBody) => {
    await apiRequest("PUT", `/services/stations/${row.townCode}`, { body: values });
    onDone();
  });
  return (
    <Card size="small" title={`${row.townName} · ${t("services.stationName")}`}>
      <SubmitErrorAlert {...alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={
          row.station
            ? { ...row.station, supervisionContractId: row.station.supervisionContractId ?? undefined }
            : { name: `${row.townName}社工站`, staff: 0, socialWorkers: 0, services: [] }
        }
      >
        <Space wrap>
          <Form.Item name="name" label={t("services.stationName")} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="address" label={t("services.address")}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="staff" label={t("services.staff")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="socialWorkers" label={t("services.socialWorkers")} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="services" label={t("services.stationServices")}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="supervisionContractId" label={t("services.supervision")}>
          <Select
            allowClear
            options={(contracts.data?.items ?? []).map((each) => ({
              value: each.id,
              label: `${each.needTitle} · ${each.vendorName}`,
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("action.save")}
        </Button>
      </Form>
    </Card>
  );
}

/** The console page: coverage with editing for the programme admin. */
export function StationsPage() {
  return <Coverage manage />;
}

/** The public coverage page. */
export function PublicStationsPage() {
  return (
    <Card style={{ margin: "24px auto", maxWidth: 1100 }}>
      <Coverage manage={false} />
    </Card>
  );
}
