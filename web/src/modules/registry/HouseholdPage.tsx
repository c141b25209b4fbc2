import { useState } from "react";
import { Button, Card, Skeleton } from "antd";
import { UserAddOutlined } from "@ant-design/icons";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Household } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { EditableRecord } from "../../components/EditableRecord";
import { ErrorResult } from "../../components/ErrorResult";
import { HistoryTimeline } from "../../components/HistoryTimeline";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AddMemberModal } from "./AddMemberModal";
import { HouseholdDetails } from "./HouseholdDetails";
import { HouseholdEditForm } from "./HouseholdEditForm";
import { HouseholdMembersTable } from "./HouseholdMembersTable";
import { useCommunityName } from "./useCommunityName";

/** One household: address, members (add / remove), edit with version, history. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const { data: household, error, loading, reload } = useApiQuery<Household>(`/households/${encodeURIComponent(id)}`);
  const [adding, setAdding] = useState(false);
  const [round, setRound] = useState(0);
  const communityName = useCommunityName(household?.townCode, household?.communityId);
  const canEdit = can(ability.registryWrite);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !household) return <Skeleton active />;
  if (!household) return null;

  const changed = () => {
    setRound((value) => value + 1);
    reload();
  };

  return (
    <EditableRecord
      title={`${t("household.title")} · ${household.address}`}
      testIdPrefix="household"
      mayEdit={canEdit}
      details={<HouseholdDetails household={household} communityName={communityName} />}
      editForm={(close) => (
        <HouseholdEditForm
          key={`${household.id}-${household.version}`}
          household={household}
          onCancel={close}
          onReload={reload}
          onSaved={() => {
            close();
            changed();
          }}
        />
      )}
    >
      <Card
        size="small"
        title={t("household.members")}
        extra={
          canEdit ? (
            <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-member">
              {t("household.addMember")}
            </Button>
          ) : null
        }
      >
        <HouseholdMembersTable
          householdId={household.id}
          members={household.members}
          canEdit={canEdit}
          onChanged={changed}
        />
      </Card>
      <Card size="small" title={t("history.title")}>
        <HistoryTimeline path={`/households/${encodeURIComponent(id)}/history`} refreshKey={round} />
      </Card>
      <AddMemberModal
        householdId={household.id}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          changed();
        }}
      />
    </EditableRecord>
  );
}
