/** Kinds of organisation the registry records, as the API spells them; labels live in i18n (organisationKind.*). */
export const organisationKinds = ["social_organisation", "company", "public_institution"] as const;
