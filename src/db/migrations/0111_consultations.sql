-- Public consultations (公开征求意见) and community deliberations (村居议事). A department publishes a draft split
-- into articles with an open period; residents comment per article and support others' comments; moderators hide
-- a comment by a published rule with the reason shown in its place (never deleted); after the close the department
-- publishes a report answering each group of comments, then the final decision that links to it. A community
-- deliberation belongs to one 社区: its residents comment, the council records those present, the vote and the
-- outcome, published to that community.

create sequence consultation_number_seq;

create table consultations (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  kind text not null check (kind in ('public', 'community')),
  title text not null,
  summary text not null default '',
  department_code text references departments(code),
  town_code text references towns(code),
  community_id uuid references communities(id),
  opens_on date not null,
  closes_on date not null,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  report_summary text,
  report_published_on date,
  decision_title text,
  decision_text text,
  decision_published_on date,
  meeting_held_on date,
  meeting_present text[],
  votes_for integer check (votes_for >= 0),
  votes_against integer check (votes_against >= 0),
  votes_abstain integer check (votes_abstain >= 0),
  outcome text,
  constraint consultations_period check (closes_on >= opens_on),
  constraint consultations_owner check (
    (kind = 'public' and department_code is not null and community_id is null)
    or (kind = 'community' and community_id is not null and town_code is not null)
  ),
  constraint consultations_decision_after_report check (decision_published_on is null or report_published_on is not null)
);

create table consultation_articles (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations(id),
  number integer not null check (number >= 1),
  heading text not null,
  body text not null,
  constraint consultation_articles_number unique (consultation_id, number)
);

create table consultation_comments (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations(id),
  article_id uuid not null references consultation_articles(id),
  person_id uuid not null references persons(id),
  account_id uuid references accounts(id),
  text text not null,
  support_count integer not null default 0 check (support_count >= 0),
  hidden_at timestamptz,
  hidden_rule text,
  hidden_reason text,
  hidden_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  constraint consultation_comments_hidden check ((hidden_at is null) = (hidden_reason is null))
);
create index consultation_comments_of on consultation_comments (consultation_id, created_at);

-- A comment is hidden with a reason, never deleted (and its text never rewritten).
create function consultation_comments_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'consultation comments are never deleted: hide them with a reason';
  end if;
  if new.text is distinct from old.text or new.person_id is distinct from old.person_id then
    raise exception 'a consultation comment''s text and author are never changed';
  end if;
  return new;
end $$;
create trigger consultation_comments_keep before update or delete on consultation_comments
  for each row execute function consultation_comments_keep();

create table consultation_comment_supports (
  comment_id uuid not null references consultation_comments(id),
  person_id uuid not null references persons(id),
  account_id uuid references accounts(id),
  created_at timestamptz not null default now(),
  constraint consultation_comment_supports_once primary key (comment_id, person_id)
);

-- The closing report: one answer per group of comments (adopted, partly, or why not).
create table consultation_report_items (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations(id),
  position integer not null,
  article_id uuid references consultation_articles(id),
  comment_ids uuid[] not null,
  summary text not null,
  outcome text not null check (outcome in ('adopted', 'partly_adopted', 'not_adopted')),
  response text not null,
  constraint consultation_report_items_position unique (consultation_id, position)
);
