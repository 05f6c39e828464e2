-- The balance check at commit runs once per ledger transaction instead of once for the
-- transaction row and once more for each of its entries: `npm run bench:ledger` measured
-- those three deferred checks per posting (two queries each) at half the cost of a charge
-- on PGlite. What the per-entry check also caught, an entry added later to a transaction
-- committed earlier, is refused at once by ledger_entry_joins_open_transaction below.
DROP TRIGGER ledger_entry_balanced_at_commit ON "ledger_entry";--> statement-breakpoint
DROP FUNCTION ledger_entry_check();--> statement-breakpoint
-- One query, in the trigger's own function: the entries' count and the first currency that
-- does not sum to zero.
CREATE OR REPLACE FUNCTION ledger_transaction_check() RETURNS trigger AS $$
DECLARE
  entry_count bigint;
  unbalanced text;
BEGIN
  SELECT coalesce(sum(c.entries), 0), min(c.currency) FILTER (WHERE c.cents <> 0)
    INTO entry_count, unbalanced
    FROM (SELECT e.currency, count(*) AS entries, sum(e.amount_cents) AS cents
          FROM ledger_entry e WHERE e.transaction_id = NEW.id GROUP BY e.currency) c;
  IF entry_count < 2 THEN
    RAISE EXCEPTION 'ledger transaction % has % entries; it needs two or more', NEW.id, entry_count
      USING ERRCODE = 'check_violation';
  END IF;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % does not sum to zero in %', NEW.id, unbalanced
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP FUNCTION ledger_transaction_balanced(uuid);--> statement-breakpoint
-- An entry joins only a ledger transaction written by the same database (sub)transaction:
-- its row and the transaction's row have the same xmin (the id of the transaction that
-- inserted a row). A transaction committed earlier is closed, whatever the new entries
-- sum to; the deferred check above covers everything written with it. Per row, one or two
-- primary-key lookups: a statement trigger's query on its transition table, measured by
-- bench:ledger, cost more than the whole per-entry check it replaces.
CREATE OR REPLACE FUNCTION ledger_entry_open_transaction() RETURNS trigger AS $$
BEGIN
  -- Written by this transaction at its top level (postTransaction's case): one lookup.
  PERFORM FROM ledger_transaction t
    WHERE t.id = NEW.transaction_id AND t.xmin = pg_current_xact_id()::xid;
  IF FOUND THEN
    RETURN NULL;
  END IF;
  -- Inside a savepoint, xmin is the subtransaction's: compare with the entry's own.
  PERFORM FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
    WHERE e.id = NEW.id AND t.xmin = e.xmin;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger transaction % was committed earlier; no entry can be added to it',
      NEW.transaction_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ledger_entry_joins_open_transaction AFTER INSERT ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_open_transaction();
--> statement-breakpoint
-- What postTransaction (lib/ledger/post.ts, its only caller) writes, in one statement: the
-- lock and balance check of the accounts it takes from, the accounts it names (created on
-- demand), the transaction row and its entries. One call instead of four statements
-- because `npm run bench:ledger` measured posting on PGlite, where every statement is
-- parsed and planned anew inside a transaction, at 22–25% of a raw two-row insert (target
-- 40%); a function's statements are planned once per connection. Each statement of a
-- (volatile) function takes a fresh snapshot under READ COMMITTED, so the balances, read
-- after the locks are granted, include every posting committed before.
--
-- posting_entries: a JSON array of {account, currency, cents, guarded}; guarded: the entry
-- takes from an account that may not go below zero (postTransaction decides which, with
-- mayGoNegative of lib/ledger/accounts.ts).
-- Returns one row: outcome 'posted'; 'overdraft' with the first guarded account (in code
-- order) its entry would take below zero and that account's balance, nothing written; or
-- 'posted-before' when the key or the (source, kind) has a transaction already, no
-- transaction or entry written.
CREATE FUNCTION ledger_post(
  posting_id uuid,
  posting_key text,
  posting_source_type text,
  posting_source_id text,
  posting_kind text,
  posting_memo text,
  posting_effective_at timestamptz,
  posting_entries jsonb
) RETURNS TABLE (outcome text, account text, currency text, balance_cents bigint) AS $$
DECLARE
  short record;
BEGIN
  -- Lock the guarded accounts in (code, currency) order, so two postings never hold each
  -- other's locks; FOR NO KEY UPDATE, which the entries' foreign-key checks do not wait for.
  PERFORM FROM ledger_account a
    JOIN jsonb_to_recordset(posting_entries) AS e (account text, currency text, guarded boolean)
      ON a.code = e.account AND a.currency = e.currency
    WHERE e.guarded
    ORDER BY a.code, a.currency
    FOR NO KEY UPDATE OF a;
  -- A statement after the locks: it sees every posting committed before they were granted.
  SELECT e.account, e.currency, coalesce(b.cents, 0)::bigint AS balance INTO short
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text, cents bigint, guarded boolean)
    CROSS JOIN LATERAL (SELECT sum(x.amount_cents) AS cents FROM ledger_entry x
      WHERE x.account_code = e.account AND x.currency = e.currency) b
    WHERE e.guarded AND coalesce(b.cents, 0) + e.cents < 0
    ORDER BY e.account, e.currency
    LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT 'overdraft'::text, short.account, short.currency, short.balance;
    RETURN;
  END IF;
  -- New accounts in (code, currency) order: concurrent postings wait for each other's new
  -- accounts in one order. Existing ones are skipped before the insert (and its checks).
  INSERT INTO ledger_account (code, currency)
    SELECT e.account, e.currency
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text)
    WHERE NOT EXISTS (SELECT FROM ledger_account a WHERE a.code = e.account AND a.currency = e.currency)
    ORDER BY e.account, e.currency
    ON CONFLICT DO NOTHING;
  INSERT INTO ledger_transaction (id, idempotency_key, source_type, source_id, kind, memo, effective_at)
    VALUES (posting_id, posting_key, posting_source_type, posting_source_id, posting_kind,
      posting_memo, posting_effective_at)
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'posted-before'::text, NULL::text, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  INSERT INTO ledger_entry (transaction_id, account_code, currency, amount_cents)
    SELECT posting_id, e.account, e.currency, e.cents
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text, cents bigint);
  RETURN QUERY SELECT 'posted'::text, NULL::text, NULL::text, NULL::bigint;
END;
$$ LANGUAGE plpgsql;
