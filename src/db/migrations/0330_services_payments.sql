-- Payments of a services contract, by stage: one per milestone (after the milestone's progress report is
-- accepted) and one final payment (after the final evaluation). Amounts in integer fen; the commands keep the
-- total within the contract amount (under a row lock on the contract).

create table services_payments (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references services_contracts(id),
  stage text not null check (stage in ('milestone', 'final')),
  milestone_seq integer,
  amount_fen bigint not null check (amount_fen > 0),
  paid_on date not null,
  note text not null default '',
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  constraint services_payments_stage_milestone check ((stage = 'milestone') = (milestone_seq is not null)),
  constraint services_payments_milestone_fk foreign key (contract_id, milestone_seq)
    references services_milestones(contract_id, seq)
);

create unique index services_payments_one_per_milestone on services_payments (contract_id, milestone_seq)
  where stage = 'milestone';
create unique index services_payments_one_final on services_payments (contract_id) where stage = 'final';
create index services_payments_contract on services_payments (contract_id, paid_on);
