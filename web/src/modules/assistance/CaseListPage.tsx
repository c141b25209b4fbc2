import { useState } from "react";
import { Button, Input, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useSession } from "../../session/SessionContext";
import { useTranslation } from "react-i18next";
import type { Page } from "../../api/types";
import { useTowns } from "../../api/reference";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { useTownLabel } from "../../components/useTownLabel";
import { caseStates } from "./text";
import type { CaseSummary } from "./types";
import { DueDate } from "../../components/DueDate";

/** The clerk's case list: filters by state, 镇区, number or name, overdue; dense table with deadlines. */
export function CaseListPage() {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { can } = useSession();
  const { items: towns } = useTowns();
  const [state, setState] = useState<string | undefined>();
  const [townCode, setTownCode] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiQuery<Page<CaseSummary>>("/assistance/cases", {
    state,
    townCode,
    q,
    overdue: overdue || undefined,
    page,
    pageSize: 50,
  });
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4}>{t("assistance.cases")}</Typography.Title>
        {can("assistance.cases.create") ? (
          <Link to="/console/assistance/cases/new">
            <Button type="primary" data-testid="assistance-new-case">
              {t("assistance.newCase")}
            </Button>
          </Link>
        ) : null}
      </div>
      <Space wrap>
        <span data-testid="assistance-filter-state">
          <Select
            allowClear
            placeholder={t("assistance.allStates")}
            aria-label={t("assistance.allStates")}
            style={{ width: 160 }}
            value={state}
            onChange={(value) => {
              setState(value);
              setPage(1);
            }}
            options={caseStates.map((code) => ({ value: code, label: t(`assistance.state.${code}`) }))}
          />
        </span>
        <span data-testid="assistance-filter-town">
          <Select
            allowClear
            showSearch
            placeholder={t("assistance.allTowns")}
            aria-label={t("assistance.allTowns")}
            style={{ width: 160 }}
            value={townCode}
            onChange={(value) => {
              setTownCode(value);
              setPage(1);
            }}
            options={towns.map((town) => ({ value: town.code, label: town.name }))}
            optionFilterProp="label"
          />
        </span>
        <Input.Search
          allowClear
          placeholder={t("assistance.search")}
          aria-label={t("assistance.search")}
          style={{ width: 240 }}
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
          data-testid="assistance-filter-q"
        />
        <Space>
          <Switch
            checked={overdue}
            aria-label={t("assistance.overdue")}
            onChange={(value) => {
              setOverdue(value);
              setPage(1);
            }}
            data-testid="assistance-filter-overdue"
          />
          {t("assistance.overdue")}
        </Space>
      </Space>
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="assistance-case-list"
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t("assistance.number"),
            dataIndex: "number",
            render: (number: string, row) => (
              <Link to={`/console/assistance/cases/${row.id}`} data-testid="assistance-case-link">
                {number}
              </Link>
            ),
          },
          {
            title: t("assistance.state"),
            dataIndex: "state",
            render: (value: string, row) => (
              <Tag
                color={value === "active" ? "green" : value === "refused" || value === "stopped" ? "default" : "blue"}
              >
                {t(`assistance.state.${value}`)}
                {row.decisionLate ? ` · ${t("assistance.late")}` : ""}
              </Tag>
            ),
          },
          { title: t("assistance.town"), dataIndex: "townCode", render: (code: string) => townLabel(code) },
          { title: t("assistance.payee"), dataIndex: "payeeName" },
          { title: t("assistance.members"), dataIndex: "members", align: "right" },
          {
            title: t("assistance.amount"),
            dataIndex: "totalYuan",
            align: "right",
            render: (value: string) => <span className="mono">{value}</span>,
          },
          { title: t("assistance.submittedOn"), dataIndex: "submittedOn" },
          {
            title: t("assistance.townDue"),
            dataIndex: "townOpinionDueOn",
            render: (value: string | null) => <DueDate date={value} />,
          },
          {
            title: t("assistance.decisionDue"),
            dataIndex: "decisionDueOn",
            render: (value: string | null) => <DueDate date={value} />,
          },
          { title: t("assistance.nextReview"), dataIndex: "nextReviewOn" },
        ]}
      />
    </Space>
  );
}
