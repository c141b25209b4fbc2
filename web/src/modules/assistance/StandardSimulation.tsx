import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useTownLabel } from "../../components/useTownLabel";
import { SimulationChart } from "./SimulationChart";
import { fenToYuan, type SimulationTotals, type Standard } from "./standards.types";

/** The proposal's basis (previous standard, consumption spending) and its simulated effect on the caseload: totals, per 镇区 table and chart. */
export function StandardSimulation({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  const townLabel = useTownLabel();
  const { basis, simulation } = standard;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="assistance-standard-basis">
        <Descriptions.Item label={t("assistance.standard.previous")}>{fenToYuan(basis.previousFen)}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.consumption")}>
          {basis.perCapitaConsumptionYuan}
        </Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.computed")}>{fenToYuan(basis.computedFen)}</Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.proposed")}>
          <strong>{standard.standardYuan}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t("assistance.standard.supplement")}>{standard.supplementYuan}</Descriptions.Item>
      </Descriptions>
      {basis.reference ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("assistance.standard.rule")}
          {basis.reference}
        </Typography.Paragraph>
      ) : null}
      {simulation ? (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 4 }}
            data-testid="assistance-standard-totals"
            title={t("assistance.standard.simulationOf", { month: simulation.month })}
          >
            <Descriptions.Item label={t("assistance.households")}>{simulation.households}</Descriptions.Item>
            <Descriptions.Item label={t("assistance.standard.affected")}>
              {t("assistance.standard.affectedSplit", {
                affected: simulation.affected,
                gainers: simulation.gainers,
                losers: simulation.losers,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t("assistance.standard.newlyEligible")}>
              {simulation.newlyEligible}
            </Descriptions.Item>
            <Descriptions.Item label={t("assistance.standard.difference")}>
              <strong>{fenToYuan(simulation.differenceFen)}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Table<SimulationTotals & { town: string }>
            size="small"
            rowKey="town"
            pagination={false}
            dataSource={simulation.byTown}
            data-testid="assistance-standard-towns"
            columns={[
              { title: t("assistance.town"), dataIndex: "town", render: (town: string) => townLabel(town) },
              { title: t("assistance.households"), dataIndex: "households", align: "right" },
              { title: t("assistance.standard.affected"), dataIndex: "affected", align: "right" },
              {
                title: t("assistance.standard.baselineCost"),
                dataIndex: "baselineCostFen",
                align: "right",
                render: fenToYuan,
              },
              {
                title: t("assistance.standard.draftCost"),
                dataIndex: "draftCostFen",
                align: "right",
                render: fenToYuan,
              },
              {
                title: t("assistance.standard.difference"),
                dataIndex: "differenceFen",
                align: "right",
                render: fenToYuan,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t("assistance.total")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {simulation.households}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {simulation.affected}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {fenToYuan(simulation.baselineCostFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {fenToYuan(simulation.draftCostFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <strong>{fenToYuan(simulation.differenceFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {simulation.byTown.length > 0 ? <SimulationChart simulation={simulation} /> : null}
        </>
      ) : null}
    </>
  );
}
