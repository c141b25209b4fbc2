// Names of the abilities `/auth/me` sends. The server decides them; the UI only asks whether one is true.
export const ability = {
  profileRead: "profile.read",
  registrySearch: "registry.search",
  registryWrite: "registry.write",
  registryCommunitiesImport: "registry.communities.import",
  organisationsRead: "organisations.read",
  organisationsWrite: "organisations.write",
  accountsRead: "accounts.read",
  accountsManage: "accounts.manage",
  auditRead: "audit.read",
  auditVerify: "audit.verify",
  calendarChanges: "calendar.changes",
} as const;

export type AbilityName = (typeof ability)[keyof typeof ability];
