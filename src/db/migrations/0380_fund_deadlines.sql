-- The innovation fund's two working-day deadlines are set per call by the programme admin (issue 12): how long a
-- reviewer has to score, counted from the day applications close, and how long the programme admins have to
-- review a submitted progress or final report. 10 working days each unless the call says otherwise.
alter table fund_calls
  add column review_working_days integer not null default 10 check (review_working_days between 1 and 60),
  add column report_review_working_days integer not null default 10 check (report_review_working_days between 1 and 60);
