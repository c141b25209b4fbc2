// 起草新版本: a copy of a version (usually the one in force) with its points per indicator and caps edited in a
// form; the server validates the draft with the scorecard loader the CLI uses and marks each refused value.
import { useMemo } from "react";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { apiPost } from "../../api/client";
import type { ApiBody, ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { codeLabel, titleOf } from "./labels";
import { serverToday } from "../../api/today";

type Version = ApiResponse<"/policies/points/versions/{id}">;
type Indicator = Version["indicators"][number];
type DraftBody = ApiBody<"/policies/points/drafts", "post">;
type Edited = DraftBody["indicators"][number];

interface RowValues {
  points?: number | null;
  valuePoints?: Record<string, number | null>;
  tierPoints?: (number | null)[];
  cap?: number | null;
}

interface DraftValues {
  id: string;
  titleZh: string;
  titleEn: string;
  effectiveFrom: Dayjs;
  indicators: Record<string, RowValues>;
}

/** The form's starting values of a row: the source version's parameters. */
function rowValues(row: Indicator): RowValues {
  return {
    ...(row.points !== null ? { points: row.points } : {}),
    ...(row.valuePoints
      ? { valuePoints: Object.fromEntries(row.valuePoints.map((item) => [item.value, item.points])) }
      : {}),
    ...(row.tiers ? { tierPoints: row.tiers.map((tier) => tier.points) } : {}),
    cap: row.cap,
  };
}

/** What changed in a row, as the draft route takes it; null when nothing did. */
function changes(row: Indicator, values: RowValues | undefined): Edited | null {
  if (!values) return null;
  const edited: Edited = { id: row.id };
  if (row.points !== null && typeof values.points === "number" && values.points !== row.points)
    edited.points = values.points;
  const valuePoints = Object.fromEntries(
    (row.valuePoints ?? [])
      .filter(
        (item) =>
          typeof values.valuePoints?.[item.value] === "number" && values.valuePoints[item.value] !== item.points,
      )
      .map((item) => [item.value, values.valuePoints![item.value] as number]),
  );
  if (Object.keys(valuePoints).length > 0) edited.valuePoints = valuePoints;
  if (row.tiers && values.tierPoints?.some((points, index) => points !== row.tiers![index].points))
    edited.tierPoints = values.tierPoints.map((points, index) => points ?? row.tiers![index].points);
  const cap = values.cap ?? null;
  if (cap !== row.cap) edited.cap = cap;
  return Object.keys(edited).length > 1 ? edited : null;
}

/** The points of each value of an enum row, one labelled number box each. */
function ValuePointsInput({
  row,
  value,
  onChange,
  id,
}: {
  row: Indicator;
  value?: Record<string, number | null>;
  onChange?: (value: Record<string, number | null>) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap id={id}>
      {(row.valuePoints ?? []).map((item) => {
        const label = codeLabel(t, "values", item.value);
        return (
          <Space key={item.value} size={4}>
            <span>{label}</span>
            <InputNumber
              aria-label={`${row.zh} · ${label}`}
              step={0.5}
              style={{ width: 90 }}
              value={value?.[item.value] ?? null}
              onChange={(points) => onChange?.({ ...value, [item.value]: points })}
            />
          </Space>
        );
      })}
    </Space>
  );
}

/** The points of each tier of a tiered row. */
function TierPointsInput({
  row,
  value,
  onChange,
  id,
}: {
  row: Indicator;
  value?: (number | null)[];
  onChange?: (value: (number | null)[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap id={id}>
      {(row.tiers ?? []).map((tier, index) => {
        const label = t("policies.tierFrom", { from: tier.from });
        return (
          <Space key={tier.from} size={4}>
            <span>{label}</span>
            <InputNumber
              aria-label={`${row.zh} · ${label}`}
              step={0.5}
              style={{ width: 90 }}
              value={value?.[index] ?? null}
              onChange={(points) => onChange?.((value ?? []).map((old, at) => (at === index ? points : old)))}
            />
          </Space>
        );
      })}
    </Space>
  );
}

/** The draft form. */
export function DraftPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const from = search.get("from") ?? "";
  const {
    data: source,
    error,
    reload,
  } = useApiQuery<Version>(from ? `/policies/points/versions/${encodeURIComponent(from)}` : null);
  const [form] = Form.useForm<DraftValues>();
  const save = useSubmit(form, async (values: DraftValues, key: string) => {
    const body: DraftBody = {
      sourceId: source!.id,
      id: values.id,
      titleZh: values.titleZh,
      titleEn: values.titleEn,
      effectiveFrom: values.effectiveFrom.format("YYYY-MM-DD"),
      indicators: source!.indicators.flatMap((row) => changes(row, values.indicators?.[row.id]) ?? []),
    };
    const created = await apiPost<ApiResponse<"/policies/points/drafts", "post">>("/policies/points/drafts", body, key);
    navigate(`/console/policies/${encodeURIComponent(created.id)}`);
  });
  const initial = useMemo(
    () =>
      source
        ? {
            id: `${source.family}-${serverToday().year() + 1}-draft`,
            titleZh: "",
            titleEn: "",
            effectiveFrom: serverToday().add(1, "year").startOf("year"),
            indicators: Object.fromEntries(source.indicators.map((row) => [row.id, rowValues(row)])),
          }
        : undefined,
    [source],
  );
  if (!from) return <Alert type="info" showIcon title={t("policies.draftNeedsSource")} />;
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!source || !initial) return <Card loading />;
  const editable = source.indicators.filter((row) => row.kind !== "formula");
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={3}>{t("policies.draftTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("policies.draftIntro", { source: titleOf(source.title, i18n.language) })}
      </Typography.Paragraph>
      <SubmitErrorAlert {...save.alert} />
      <Form<DraftValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void save.submit(values)}
        data-testid="policy-draft-form"
      >
        <Card size="small" title={t("policies.draftVersion")}>
          <Form.Item
            name="id"
            label={t("policies.versionId")}
            extra={t("policies.versionIdHelp", { family: source.family })}
            rules={[{ required: true, message: t("policies.required") }]}
          >
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item
            name="titleZh"
            label={t("policies.titleZh")}
            rules={[{ required: true, message: t("policies.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="titleEn"
            label={t("policies.titleEn")}
            rules={[{ required: true, message: t("policies.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t("policies.proposedFrom")}
            rules={[{ required: true, message: t("policies.required") }]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
        </Card>
        <Card size="small" title={t("policies.draftRows")} style={{ marginTop: 16 }}>
          <Table<Indicator>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: true }}
            dataSource={editable}
            columns={[
              {
                title: t("policies.indicator"),
                dataIndex: "zh",
                render: (zh: string, row) => (
                  <Space orientation="vertical" size={0}>
                    <span>{i18n.language === "en" ? row.en : zh}</span>
                    <Typography.Text type="secondary">{row.reference}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t("policies.parameters"),
                key: "points",
                render: (_: unknown, row) =>
                  row.valuePoints ? (
                    <Form.Item name={["indicators", row.id, "valuePoints"]} style={{ marginBottom: 0 }}>
                      <ValuePointsInput row={row} />
                    </Form.Item>
                  ) : row.tiers ? (
                    <Form.Item name={["indicators", row.id, "tierPoints"]} style={{ marginBottom: 0 }}>
                      <TierPointsInput row={row} />
                    </Form.Item>
                  ) : row.points !== null ? (
                    <Space size={4}>
                      <Form.Item name={["indicators", row.id, "points"]} style={{ marginBottom: 0 }}>
                        <InputNumber
                          aria-label={`${row.zh} · ${t("policies.pointsLabel")}`}
                          step={0.5}
                          style={{ width: 100 }}
                        />
                      </Form.Item>
                      {row.unit !== null ? <span>{t("policies.perUnitSuffix", { unit: row.unit })}</span> : null}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t("policies.formula")}</Typography.Text>
                  ),
              },
              {
                title: t("policies.cap"),
                key: "cap",
                render: (_: unknown, row) => (
                  <Form.Item name={["indicators", row.id, "cap"]} style={{ marginBottom: 0 }}>
                    <InputNumber
                      aria-label={`${row.zh} · ${t("policies.cap")}`}
                      min={0}
                      step={5}
                      style={{ width: 100 }}
                      placeholder={t("policies.noCap")}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Card>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.saving} data-testid="policy-draft-save">
            {t("policies.saveDraft")}
          </Button>
          <Link to={`/console/policies/${encodeURIComponent(source.id)}`}>{t("policies.cancel")}</Link>
        </Space>
      </Form>
    </Space>
  );
}
