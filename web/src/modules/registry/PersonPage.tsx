import { useState } from "react";
import { Card, Skeleton } from "antd";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { EditableRecord } from "../../components/EditableRecord";
import { ErrorResult } from "../../components/ErrorResult";
import { HistoryTimeline } from "../../components/HistoryTimeline";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { PersonDetails } from "./PersonDetails";
import { PersonEditForm } from "./PersonEditForm";
import { useCommunityName } from "./useCommunityName";

/** One person: the full record, an edit form with optimistic concurrency, and the record's history. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const { data: person, error, loading, reload } = useApiQuery<Person>(`/persons/${encodeURIComponent(id)}`);
  const [round, setRound] = useState(0);
  const communityName = useCommunityName(person?.townCode, person?.communityId);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !person) return <Skeleton active />;
  if (!person) return null;

  return (
    <EditableRecord
      title={person.name}
      testIdPrefix="person"
      mayEdit={can(ability.registryWrite)}
      details={<PersonDetails person={person} communityName={communityName} />}
      editForm={(close) => (
        <PersonEditForm
          key={`${person.id}-${person.version}`}
          person={person}
          onCancel={close}
          onReload={reload}
          onSaved={() => {
            close();
            setRound((value) => value + 1);
            reload();
          }}
        />
      )}
    >
      <Card size="small" title={t("history.title")}>
        <HistoryTimeline
          path={`/persons/${encodeURIComponent(id)}/history`}
          refreshKey={round + (person.version ?? 0)}
        />
      </Card>
    </EditableRecord>
  );
}
