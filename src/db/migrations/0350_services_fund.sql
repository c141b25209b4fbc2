-- The bank account a services vendor is paid into (收款账号), given at registration; the services payment file
-- (POST /services/payment-file) lists it for each contract payment. Empty for vendors registered before it.

alter table services_vendors add column bank_account text not null default '';
