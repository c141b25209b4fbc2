// Public pages of the 全民 campaigns: the list, and one campaign's live figures with charts, each with its table.
import { useMemo } from "react";
import { Card, Col, List, Row, Skeleton, Space, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { ApiResponse } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { FigureChart } from "./FigureChart";
import { localText } from "../../i18n/bilingual";

type Campaigns = ApiResponse<"/participation/campaigns">;
type Campaign = ApiResponse<"/participation/campaigns/{code}">;
type Figures = ApiResponse<"/participation/campaigns/{code}/figures">;
type TipFigures = ApiResponse<"/tipoffs/campaigns/{code}/figures">;
type SuggestionFigures = ApiResponse<"/suggestions/campaigns/{code}/figures">;

/** The campaigns, each linking to its public page. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApiQuery<Campaigns>("/participation/campaigns");
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{t("participation.campaignsTitle")}</Typography.Title>
      <Typography.Paragraph>{t("participation.campaignsIntro")}</Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        data-testid="public-campaigns"
        renderItem={(item) => (
          <List.Item>
            {/* The goal under the name (not beside it), so a phone's width is not split into two thin columns. */}
            <List.Item.Meta
              title={<Link to={`/campaigns/${encodeURIComponent(item.code)}`}>{item.name}</Link>}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    {localText(item.goal, i18n.language)}
                  </Typography.Paragraph>
                  {`${item.departmentName} · ${item.startsOn} – ${item.endsOn ?? t("participation.ongoing")}`}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

/**
 * One campaign's public page: its goal, the figures of the ledger, of tip-offs and of suggestions (金点子), and two
 * charts with tables.
 */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { code = "" } = useParams();
  const path = `/participation/campaigns/${encodeURIComponent(code)}`;
  const campaign = useApiQuery<Campaign>(path);
  const figures = useApiQuery<Figures>(`${path}/figures`);
  const tips = useApiQuery<TipFigures>(`/tipoffs/campaigns/${encodeURIComponent(code)}/figures`);
  const ideas = useApiQuery<SuggestionFigures>(`/suggestions/campaigns/${encodeURIComponent(code)}/figures`);
  const byCategory = useMemo(
    () =>
      (figures.data?.byCategory ?? []).map((row) => ({
        name: t(`participation.categories.${row.category}`),
        value: Number(row.hours),
      })),
    [figures.data, t],
  );
  const participants = useMemo(() => {
    if (!figures.data) return [];
    const party = figures.data.partyMemberParticipants;
    return [
      { name: t("participation.partyParticipants"), value: party },
      { name: t("participation.others"), value: figures.data.participants - party },
    ];
  }, [figures.data, t]);
  if (campaign.error) return <ErrorResult error={campaign.error} onRetry={campaign.reload} />;
  if (!campaign.data || !figures.data) return <Skeleton active />;
  const data = figures.data;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={2}>{campaign.data.name}</Typography.Title>
      <Typography.Paragraph>
        {campaign.data.departmentName} · {campaign.data.startsOn} – {campaign.data.endsOn ?? t("participation.ongoing")}
      </Typography.Paragraph>
      <Typography.Paragraph>{localText(campaign.data.goal, i18n.language)}</Typography.Paragraph>
      <Card title={t("participation.figuresTitle")} data-testid="campaign-figures">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t("participation.participants")} value={data.participants} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t("participation.hoursTotal")}
              value={data.hours}
              suffix={<span>{t("participation.hoursUnit")}</span>}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t("participation.partyShare")} value={`${data.partyMemberShare} %`} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t("participation.partyHours")}
              value={data.partyMemberHours}
              suffix={<span>{t("participation.hoursUnit")}</span>}
            />
          </Col>
          {tips.data ? (
            <>
              <Col xs={12} md={6}>
                <Statistic title={t("participation.tipsReported")} value={tips.data.reported} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t("participation.tipsVerified")} value={tips.data.verified} />
              </Col>
            </>
          ) : null}
          {ideas.data ? (
            <>
              <Col xs={12} md={6}>
                <Statistic
                  title={t("participation.suggestionsProposed")}
                  value={ideas.data.proposed}
                  data-testid="suggestions-proposed"
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t("participation.suggestionsAdopted")}
                  value={ideas.data.adopted}
                  data-testid="suggestions-adopted"
                />
                {/* A count of none adopted reads as a verdict when none was proposed: say so under it. */}
                {ideas.data.proposed === 0 ? (
                  <Typography.Text type="secondary">{t("participation.noSuggestions")}</Typography.Text>
                ) : null}
              </Col>
            </>
          ) : null}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t("participation.hoursByCategory")}>
            <FigureChart
              kind="bar"
              data={byCategory}
              label={t("participation.hoursByCategory")}
              testId="chart-hours-by-category"
            />
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={byCategory}
              data-testid="table-hours-by-category"
              columns={[
                { title: t("participation.category"), dataIndex: "name" },
                { title: t("participation.hours"), dataIndex: "value" },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t("participation.participantsChart")}>
            <FigureChart
              kind="pie"
              data={participants}
              label={t("participation.participantsChart")}
              testId="chart-participants"
            />
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={participants}
              columns={[
                { title: t("participation.figure"), dataIndex: "name" },
                { title: t("participation.value"), dataIndex: "value" },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
