import type { Organisation } from "../../../api/types";
import { VersionedEditForm } from "../../../components/VersionedEditForm";
import { OrganisationFields } from "./OrganisationFields";

interface Props {
  organisation: Organisation;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Edits an organisation with the version it read; a 409 offers a reload instead of overwriting. */
export function OrganisationEditForm({ organisation, onSaved, onCancel, onReload }: Props) {
  return (
    <VersionedEditForm
      record={organisation}
      path={`/organisations/${organisation.id}`}
      testIdPrefix="organisation"
      readOnlyFields={["townCode"]}
      // The API takes an empty address as "none" (null is only for phone and credit code).
      adjust={(changes) => {
        if (changes.address === null) changes.address = "";
      }}
      initialValues={{
        name: organisation.name,
        kind: organisation.kind,
        creditCode: organisation.creditCode ?? undefined,
        contactPhone: organisation.contactPhone ?? undefined,
        townCode: organisation.townCode,
        address: organisation.address ?? undefined,
      }}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={onReload}
    >
      <OrganisationFields townLocked />
    </VersionedEditForm>
  );
}
