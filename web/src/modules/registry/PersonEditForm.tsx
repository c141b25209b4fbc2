import type { Person } from "../../api/types";
import { VersionedEditForm } from "../../components/VersionedEditForm";
import { PersonFields } from "./PersonFields";

interface Props {
  person: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  /** Loads the newer record after a version conflict. */
  onReload: () => void;
}

/** Edits a person with the version it read; a 409 shows who-saved-first with a reload button. */
export function PersonEditForm({ person, onSaved, onCancel, onReload }: Props) {
  return (
    <VersionedEditForm
      record={person}
      path={`/persons/${person.id}`}
      testIdPrefix="person"
      initialValues={{
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone ?? undefined,
        hukouType: person.hukouType ?? undefined,
        townCode: person.townCode,
        communityId: person.communityId ?? undefined,
        address: person.address ?? undefined,
      }}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={onReload}
    >
      <PersonFields />
    </VersionedEditForm>
  );
}
