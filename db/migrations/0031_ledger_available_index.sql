-- The 180-day rule of automatic withdrawals (freelancersWithAvailableUntouchedSince in
-- lib/ledger/queries.ts) read the whole of ledger_entry each Wednesday: a partial index of
-- the freelancers' available accounts, with the amount, lets it read only their entries
-- (an index-only scan). The ledger's triggers refuse updates and deletes, not new indexes.
CREATE INDEX "ledger_entry_available_idx" ON "ledger_entry" USING btree ("account_code","transaction_id","amount_cents") WHERE "ledger_entry"."account_code" like 'freelancer:%:available';