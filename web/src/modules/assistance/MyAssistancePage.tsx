import { useState } from "react";
import { Button, Empty, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { ErrorResult } from "../../components/ErrorResult";
import { closedStates, type CaseDetail } from "./case.types";
import { MyApplicationForm } from "./MyApplicationForm";
import { MyCaseCard } from "./MyCaseCard";
import "./text.resident";

/** The resident's page: their household's cases (state, deadlines, decision explained, appeal, changes), or the online application. */
export function MyAssistancePage() {
  const { t } = useTranslation();
  const cases = useApiQuery<{ items: CaseDetail[] }>("/assistance/my-cases");
  const profile = useApiQuery<Profile>("/me/profile");
  const [applying, setApplying] = useState(false);
  if (cases.error) return <ErrorResult error={cases.error} onRetry={cases.reload} />;
  if ((cases.loading && !cases.data) || (profile.loading && !profile.data)) return <Skeleton active />;
  const items = cases.data?.items ?? [];
  const household = profile.data?.household ?? null;
  const mayApply = items.every((item) => closedStates.includes(item.state));
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Typography.Title level={4} data-testid="assistance-mine-title">
        {t("assistance.mine.title")}
      </Typography.Title>
      {items.length === 0 ? <Empty description={t("assistance.mine.none")} data-testid="assistance-mine-none" /> : null}
      {items.map((item) => (
        <MyCaseCard key={item.id} record={item} onChanged={cases.reload} />
      ))}
      {mayApply && household && items.length > 0 && !applying ? (
        <Button onClick={() => setApplying(true)} data-testid="assistance-mine-apply-again">
          {t("assistance.mine.applyAgain")}
        </Button>
      ) : null}
      {mayApply && household && (items.length === 0 || applying) ? (
        <MyApplicationForm
          household={household}
          onDone={() => {
            setApplying(false);
            cases.reload();
          }}
        />
      ) : null}
      {mayApply && !household ? (
        <Typography.Paragraph type="secondary" data-testid="assistance-mine-no-household">
          {t("assistance.mine.noHousehold")}
        </Typography.Paragraph>
      ) : null}
    </Space>
  );
}
