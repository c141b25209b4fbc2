import { useState } from "react";
import { Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../api/types";
import { useApiQuery } from "../../../api/useApiQuery";
import { ErrorResult } from "../../../components/ErrorResult";
import { formatTime } from "../../../components/formatTime";
import { useTownLabel } from "../../../components/useTownLabel";
import { ability } from "../../../session/abilities";
import { useSession } from "../../../session/SessionContext";
import { OrganisationEditForm } from "./OrganisationEditForm";

/** One organisation: its record and, for those who may, an edit form with optimistic concurrency. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { can } = useSession();
  const townLabel = useTownLabel();
  const { data: organisation, error, loading, reload } = useApiQuery<Organisation>(`/organisations/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !organisation) return <Skeleton active />;
  if (!organisation) return null;

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4} data-testid="organisation-title">
          {organisation.name}
        </Typography.Title>
        {can(ability.organisationsWrite) && !editing ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="organisation-edit">
            {t("action.edit")}
          </Button>
        ) : null}
      </div>
      <Card size="small">
        {editing ? (
          <OrganisationEditForm
            key={`${organisation.id}-${organisation.version}`}
            organisation={organisation}
            onCancel={() => setEditing(false)}
            onReload={reload}
            onSaved={() => {
              setEditing(false);
              reload();
            }}
          />
        ) : (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            data-testid="organisation-details"
            items={[
              { key: "name", label: t("organisation.name"), children: organisation.name },
              { key: "kind", label: t("organisation.kind"), children: <Tag>{t(`organisationKind.${organisation.kind}`, { defaultValue: organisation.kind })}</Tag> },
              { key: "creditCode", label: t("organisation.creditCode"), children: <span className="mono">{organisation.creditCode ?? ""}</span> },
              { key: "contactPhone", label: t("organisation.contactPhone"), children: <span className="mono">{organisation.contactPhone ?? ""}</span> },
              { key: "town", label: t("person.town"), children: townLabel(organisation.townCode) },
              { key: "address", label: t("organisation.address"), children: organisation.address ?? "" },
              { key: "version", label: t("record.version"), children: organisation.version },
              { key: "updatedAt", label: t("record.updatedAt"), children: formatTime(organisation.updatedAt) },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
