import { Alert, Card, Col, Row, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useTowns } from "../api/reference";
import type { Town } from "../api/types";

const kindOrder = ["district", "development_zone", "town"];

/** The 24 镇区 of Zhongshan, grouped by kind (districts, development zone, towns). */
export function TownList() {
  const { t, i18n } = useTranslation();
  const { items: towns, loading, failed } = useTowns();
  if (loading) return <Skeleton active />;
  if (failed) return <Alert type="error" showIcon title={t("error.loadFailed")} />;

  const kinds = [...new Set(towns.map((town) => town.kind))].sort((a, b) => rank(a) - rank(b));
  const english = i18n.language === "en";
  return (
    <div data-testid="town-list">
      <Typography.Paragraph type="secondary">{t("public.townsCount", { count: towns.length })}</Typography.Paragraph>
      {kinds.map((kind) => (
        <Card key={kind} size="small" title={t(`townKind.${kind}`, { defaultValue: kind })} className="town-group">
          <Row gutter={[8, 8]}>
            {towns
              .filter((town) => town.kind === kind)
              .map((town: Town) => (
                <Col key={town.code} xs={12} sm={8} md={6} lg={4}>
                  <div className="town-chip" data-testid={`town-${town.code}`}>
                    <span className="town-name">{english ? town.pinyin : town.name}</span>
                    <span className="town-pinyin">{english ? town.name : town.pinyin}</span>
                    {town.centralDistrict ? <Tag color="gold">{t("public.centralDistrict")}</Tag> : null}
                  </div>
                </Col>
              ))}
          </Row>
        </Card>
      ))}
    </div>
  );
}

function rank(kind: string): number {
  const index = kindOrder.indexOf(kind);
  return index === -1 ? kindOrder.length : index;
}
