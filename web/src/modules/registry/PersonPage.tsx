import { useState } from "react";
import { Button, Card, Skeleton, Space, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
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
  const [editing, setEditing] = useState(false);
  const [round, setRound] = useState(0);
  const communityName = useCommunityName(person?.townCode, person?.communityId);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !person) return <Skeleton active />;
  if (!person) return null;

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4} data-testid="person-title">
          {person.name}
        </Typography.Title>
        {can(ability.registryWrite) && !editing ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
            {t("action.edit")}
          </Button>
        ) : null}
      </div>
      <Card size="small">
        {editing ? (
          <PersonEditForm
            key={`${person.id}-${person.version}`}
            person={person}
            onCancel={() => setEditing(false)}
            onReload={reload}
            onSaved={() => {
              setEditing(false);
              setRound((value) => value + 1);
              reload();
            }}
          />
        ) : (
          <PersonDetails person={person} communityName={communityName} />
        )}
      </Card>
      <Card size="small" title={t("history.title")}>
        <HistoryTimeline path={`/persons/${encodeURIComponent(id)}/history`} refreshKey={round + (person.version ?? 0)} />
      </Card>
    </Space>
  );
}
