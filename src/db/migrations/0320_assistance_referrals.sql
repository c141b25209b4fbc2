-- Referrals (转介) into the assistance module: an item another module's people recommend (a services vendor's
-- recommendation that a household receives assistance) takes effect only when the 镇区's assistance desk accepts
-- it here, which opens (or links) an assistance case; or the desk declines it with a reason.

create table assistance_referrals (
  id uuid primary key default gen_random_uuid(),
  -- where it came from: the module, its record, and what staff recognise it by
  source_module text not null,
  source_id uuid not null,
  source_contract_id uuid,
  source_name text not null,
  subject_name text not null,
  -- the registry person when the source names one (services recommendations name the household only by name)
  subject_person_id uuid references persons(id),
  town_code text not null references towns(code),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  received_on date not null,
  -- accept or decline within 10 working days (assistance workflow `referralDue`)
  due_on date not null,
  received_at timestamptz not null default now(),
  forwarded_by uuid references accounts(id),
  case_id uuid references assistance_cases(id),
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  decision_note text not null default '',
  constraint assistance_referrals_one_per_source unique (source_module, source_id),
  constraint assistance_referrals_accepted_case check ((status = 'accepted') = (case_id is not null)),
  constraint assistance_referrals_declined_reason check (status <> 'declined' or decision_note <> '')
);

create index assistance_referrals_town on assistance_referrals (town_code, status);

-- The services side follows the referral: an approved assistance recommendation is forwarded, then accepted or
-- declined by the assistance desk.
alter table services_recommendations drop constraint services_recommendations_status_check;
alter table services_recommendations
  add constraint services_recommendations_status_check
  check (status in ('pending', 'approved', 'rejected', 'forwarded', 'accepted', 'declined'));
-- the referral in the assistance module, and its outcome as the services side shows it (the case number opened or
-- linked, or the reason it was declined)
alter table services_recommendations add column referral_id uuid;
alter table services_recommendations add column referral_note text not null default '';
