// The roles an account can be granted (docs/api.md); labels live in i18n (role.*).
export const roleNames = [
  "resident",
  "clerk",
  "verifier",
  "programme_admin",
  "policy_officer",
  "vendor",
  "organiser",
  "reviewer",
  "auditor",
  "admin",
] as const;
