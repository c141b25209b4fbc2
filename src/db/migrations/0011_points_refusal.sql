-- A placement the applicant refused (Impl. Art. 9(3) 不服从安排者视为放弃): the next run marks it forfeited.
alter table points_applications add column placement_refused_on date;
