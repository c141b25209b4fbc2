// Household relationships the registry records, as the API spells them; labels live in i18n (relationship.*).
export const relationships = [
  "head",
  "spouse",
  "child",
  "parent",
  "sibling",
  "grandchild",
  "grandparent",
  "other",
] as const;
