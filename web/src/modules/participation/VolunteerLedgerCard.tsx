// The volunteer indicators of a points case file, read from the hours ledger: each fact with its value, the exact
// hours and the ledger entries behind it (the explanation of the score's volunteer lines).
import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseFile } from "../points/types";

type LedgerFact = CaseFile["volunteerLedger"][number];

/** The case file's ledger facts; nothing when the person has no confirmed hours in the five years. */
export function VolunteerLedgerCard({ facts }: { facts: LedgerFact[] }) {
  const { t } = useTranslation();
  if (facts.length === 0) return null;
  return (
    <Card size="small" title={t("participation.ledgerFactsTitle")} data-testid="points-volunteer-ledger">
      <Typography.Paragraph type="secondary">
        {t("participation.ledgerFactsIntro", { from: facts[0].from, to: facts[0].to })}
      </Typography.Paragraph>
      <Table<LedgerFact>
        size="small"
        rowKey="fact"
        pagination={false}
        dataSource={facts}
        expandable={{
          expandedRowRender: (fact) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={fact.entries}
              columns={[
                { title: t("participation.servedOn"), dataIndex: "servedOn" },
                {
                  title: t("participation.category"),
                  dataIndex: "category",
                  render: (category: string) => t(`participation.categories.${category}`),
                },
                {
                  title: t("participation.place"),
                  dataIndex: "place",
                  render: (place: string) => t(`participation.places.${place}`),
                },
                { title: t("participation.hours"), dataIndex: "hours" },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t("participation.ledgerFact"),
            dataIndex: "fact",
            render: (fact: string) => t(`participation.ledgerFacts.${fact}`),
          },
          { title: t("participation.ledgerValue"), dataIndex: "value" },
          { title: t("participation.hours"), dataIndex: "hours" },
          {
            title: t("participation.ledgerEntries"),
            render: (_: unknown, fact) => fact.entries.length,
          },
        ]}
      />
    </Card>
  );
}
