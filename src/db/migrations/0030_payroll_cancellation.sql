-- A payroll that was never approved can be cancelled (its lines and totals are removed, the audit entry keeps
-- what it held). A run that paid back-pay for earlier months also replaced their `basis`; `settled_bases`
-- keeps their bases from before the run so that a cancellation restores them. Null on payrolls run before
-- this migration (unknown: such a payroll with back-pay cannot be cancelled).
alter table assistance_payrolls add column settled_bases jsonb;
