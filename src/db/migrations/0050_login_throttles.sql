-- Failed sign-ins are counted per (username as typed, client address), whether the account exists or not:
-- the answer cannot tell a real account from an unknown one, and a caller at one address cannot lock out the
-- account's owner signing in from another. The account-level lock (accounts.locked_until) is no longer set.
create table login_throttles (
  username_key text not null,
  address text not null,
  failure_count integer not null default 0,
  window_start timestamptz not null,
  blocked_until timestamptz,
  primary key (username_key, address)
);
create index login_throttles_window on login_throttles (window_start);
update accounts set locked_until = null, failure_count = 0, failure_window_start = null;
