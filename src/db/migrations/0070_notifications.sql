-- In-app notifications to one account (issue 15): the outcome of an objection the account raised, the final
-- publication of a list the account's person is on (with a link to the result notice), read in the resident's pages.

create table notifications (
  id bigint generated always as identity primary key,
  account_id uuid not null references accounts(id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  text text not null,
  link text
);
create index notifications_account on notifications(account_id, id desc);
