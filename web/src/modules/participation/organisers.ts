// Plain helpers of the organisers screen: which searched accounts may be assigned, and how each is labelled.

/** An account the search returned. */
export interface OrganiserAccount {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
}

/** An option of the account picker: already-assigned and disabled accounts are shown but cannot be chosen. */
export interface AccountOption {
  value: string;
  label: string;
  disabled: boolean;
  reason: "assigned" | "disabled" | null;
}

/** The searched accounts as picker options; the value is the username, which the assignment sends. */
export function accountOptions(accounts: OrganiserAccount[], assignedAccountIds: readonly string[]): AccountOption[] {
  const assigned = new Set(assignedAccountIds);
  return accounts.map((account) => {
    const reason = assigned.has(account.id) ? "assigned" : account.disabled ? "disabled" : null;
    return {
      value: account.username,
      label: account.displayName ? `${account.displayName} (${account.username})` : account.username,
      disabled: reason !== null,
      reason,
    };
  });
}
