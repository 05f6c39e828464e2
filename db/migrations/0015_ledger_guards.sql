-- The ledger is append-only: rows are never updated or deleted, and TRUNCATE (which skips
-- row triggers) is refused too. A mistake is corrected by a new transaction.
CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ledger_account_no_update BEFORE UPDATE OR DELETE ON "ledger_account"
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_account_no_truncate BEFORE TRUNCATE ON "ledger_account"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_transaction_no_update BEFORE UPDATE OR DELETE ON "ledger_transaction"
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON "ledger_transaction"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON "ledger_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
-- At commit, a transaction must have two entries or more, and its entries must sum to zero
-- in each currency. Deferred, so the transaction row and its entries can be written in any
-- order within the database transaction.
CREATE OR REPLACE FUNCTION ledger_transaction_balanced(transaction_id uuid) RETURNS void AS $$
DECLARE
  entry_count bigint;
  unbalanced text;
BEGIN
  SELECT count(*) INTO entry_count FROM ledger_entry e WHERE e.transaction_id = $1;
  IF entry_count < 2 THEN
    RAISE EXCEPTION 'ledger transaction % has % entries; it needs two or more', $1, entry_count
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT e.currency INTO unbalanced FROM ledger_entry e WHERE e.transaction_id = $1
    GROUP BY e.currency HAVING sum(e.amount_cents) <> 0 LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % does not sum to zero in %', $1, unbalanced
      USING ERRCODE = 'check_violation';
  END IF;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_transaction_check() RETURNS trigger AS $$
BEGIN
  PERFORM ledger_transaction_balanced(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_entry_check() RETURNS trigger AS $$
BEGIN
  PERFORM ledger_transaction_balanced(NEW.transaction_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced_at_commit
  AFTER INSERT ON "ledger_transaction" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_transaction_check();--> statement-breakpoint
-- Also per entry: an entry added later to a committed transaction would unbalance it.
CREATE CONSTRAINT TRIGGER ledger_entry_balanced_at_commit
  AFTER INSERT ON "ledger_entry" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_check();
