import { Descriptions, Skeleton, Tag } from "antd";
import { useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../api/types";
import { useApiQuery } from "../../../api/useApiQuery";
import { EditableRecord } from "../../../components/EditableRecord";
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
  const {
    data: organisation,
    error,
    loading,
    reload,
  } = useApiQuery<Organisation>(`/organisations/${encodeURIComponent(id)}`);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !organisation) return <Skeleton active />;
  if (!organisation) return null;

  return (
    <EditableRecord
      title={organisation.name}
      testIdPrefix="organisation"
      mayEdit={can(ability.organisationsWrite)}
      editForm={(close) => (
        <OrganisationEditForm
          key={`${organisation.id}-${organisation.version}`}
          organisation={organisation}
          onCancel={close}
          onReload={reload}
          onSaved={() => {
            close();
            reload();
          }}
        />
      )}
      details={
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="organisation-details"
          items={[
            { key: "name", label: t("organisation.name"), children: organisation.name },
            {
              key: "kind",
              label: t("organisation.kind"),
              children: <Tag>{t(`organisationKind.${organisation.kind}`, { defaultValue: organisation.kind })}</Tag>,
            },
            {
              key: "creditCode",
              label: t("organisation.creditCode"),
              children: <span className="mono">{organisation.creditCode ?? ""}</span>,
            },
            {
              key: "contactPhone",
              label: t("organisation.contactPhone"),
              children: <span className="mono">{organisation.contactPhone ?? ""}</span>,
            },
            { key: "town", label: t("person.town"), children: townLabel(organisation.townCode) },
            { key: "address", label: t("organisation.address"), children: organisation.address ?? "" },
            { key: "version", label: t("record.version"), children: organisation.version },
            { key: "updatedAt", label: t("record.updatedAt"), children: formatTime(organisation.updatedAt) },
          ]}
        />
      }
    />
  );
}
