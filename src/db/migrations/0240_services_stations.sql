-- Social-work stations (社工站): one per 镇区, with staff, the services offered and the supervision contract.
create table services_stations (
  town_code text primary key references towns(code),
  name text not null,
  address text not null default '',
  staff integer not null default 0 check (staff >= 0),
  social_workers integer not null default 0 check (social_workers >= 0),
  services text[] not null default '{}',
  supervision_contract_id uuid references services_contracts(id),
  opened_on date,
  updated_at timestamptz not null default now()
);
