CREATE TABLE "ledger_balance" (
	"code" text NOT NULL,
	"currency" char(3) NOT NULL,
	"cents" bigint NOT NULL,
	CONSTRAINT "ledger_balance_code_currency_pk" PRIMARY KEY("code","currency"),
	CONSTRAINT "ledger_balance_kept_accounts" CHECK ("ledger_balance"."code" ~ '^(contract|freelancer):')
);
--> statement-breakpoint
-- Each entry carries its transaction's effective_at, so an account's entries in time order are
-- one index range (ledger_entry_account_time_idx below): the balance page's timeline takes its
-- 25 rows from it instead of gathering every transaction of five years first. The entries
-- written before are given theirs here, the only update ever made to ledger_entry: the
-- append-only trigger is off for this one statement, which copies a value and changes no amount.
ALTER TABLE "ledger_entry" ADD COLUMN "effective_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ledger_entry" DISABLE TRIGGER ledger_entry_no_update;--> statement-breakpoint
UPDATE "ledger_entry" e SET "effective_at" = t.effective_at FROM "ledger_transaction" t WHERE t.id = e.transaction_id;--> statement-breakpoint
ALTER TABLE "ledger_entry" ENABLE TRIGGER ledger_entry_no_update;--> statement-breakpoint
ALTER TABLE "ledger_entry" ALTER COLUMN "effective_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_balance" ADD CONSTRAINT "ledger_balance_account_fk" FOREIGN KEY ("code","currency") REFERENCES "public"."ledger_account"("code","currency") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entry_account_time_idx" ON "ledger_entry" USING btree ("account_code","effective_at","transaction_id");--> statement-breakpoint
-- The kept balances of the accounts that have entries already.
INSERT INTO "ledger_balance" (code, currency, cents)
  SELECT account_code, currency, sum(amount_cents) FROM "ledger_entry"
  WHERE account_code ~ '^(contract|freelancer):' GROUP BY account_code, currency;--> statement-breakpoint
-- An entry joins only a transaction written by the same database (sub)transaction (migration
-- ledger_speed), and now with that transaction's effective_at: the fast path's one lookup
-- checks both; the slow path says which of the two was wrong.
CREATE OR REPLACE FUNCTION ledger_entry_open_transaction() RETURNS trigger AS $$
DECLARE
  joined record;
BEGIN
  PERFORM FROM ledger_transaction t
    WHERE t.id = NEW.transaction_id AND t.xmin = pg_current_xact_id()::xid
      AND t.effective_at = NEW.effective_at;
  IF FOUND THEN
    RETURN NULL;
  END IF;
  SELECT t.effective_at, t.xmin = e.xmin AS open INTO joined
    FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
    WHERE e.id = NEW.id;
  IF NOT joined.open THEN
    RAISE EXCEPTION 'ledger transaction % was committed earlier; no entry can be added to it',
      NEW.transaction_id USING ERRCODE = 'check_violation';
  END IF;
  IF joined.effective_at <> NEW.effective_at THEN
    RAISE EXCEPTION 'a ledger entry of transaction % has effective_at % instead of its transaction''s %',
      NEW.transaction_id, NEW.effective_at, joined.effective_at USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- ledger_post (migration ledger_speed) keeps ledger_balance: the same steps, with
-- 1. the locks: the guarded world:/platform: accounts' rows (as before), then the balance
--    row of every contract and freelancer account the posting names, guarded or not (its
--    update below must not wait on a row another posting locked first), each set in
--    (code, currency) order; every posting takes them in this one order;
-- 2. the overdraft check reads a kept balance from its row and the others from their sums;
-- 3. after the entries, one upsert adds each entry to its kept balance.
CREATE OR REPLACE FUNCTION ledger_post(
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
  PERFORM FROM ledger_account a
    JOIN jsonb_to_recordset(posting_entries) AS e (account text, currency text, guarded boolean)
      ON a.code = e.account AND a.currency = e.currency
    WHERE e.guarded AND e.account !~ '^(contract|freelancer):'
    ORDER BY a.code, a.currency
    FOR NO KEY UPDATE OF a;
  PERFORM FROM ledger_balance b
    JOIN jsonb_to_recordset(posting_entries) AS e (account text, currency text)
      ON b.code = e.account AND b.currency = e.currency
    ORDER BY b.code, b.currency
    FOR NO KEY UPDATE OF b;
  -- A statement after the locks: it sees every posting committed before they were granted.
  SELECT e.account, e.currency, coalesce(b.cents, 0)::bigint AS balance INTO short
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text, cents bigint, guarded boolean)
    CROSS JOIN LATERAL (SELECT CASE WHEN e.account ~ '^(contract|freelancer):'
      THEN (SELECT k.cents FROM ledger_balance k WHERE k.code = e.account AND k.currency = e.currency)
      ELSE (SELECT sum(x.amount_cents) FROM ledger_entry x
        WHERE x.account_code = e.account AND x.currency = e.currency) END AS cents) b
    WHERE e.guarded AND coalesce(b.cents, 0) + e.cents < 0
    ORDER BY e.account, e.currency
    LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT 'overdraft'::text, short.account, short.currency, short.balance;
    RETURN;
  END IF;
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
  INSERT INTO ledger_entry (transaction_id, account_code, currency, amount_cents, effective_at)
    SELECT posting_id, e.account, e.currency, e.cents, posting_effective_at
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text, cents bigint);
  INSERT INTO ledger_balance (code, currency, cents)
    SELECT e.account, e.currency, e.cents
    FROM jsonb_to_recordset(posting_entries) AS e (account text, currency text, cents bigint)
    WHERE e.account ~ '^(contract|freelancer):'
    ORDER BY e.account, e.currency
    -- By the constraint's name: "currency" alone would also name this function's output column.
    ON CONFLICT ON CONSTRAINT ledger_balance_code_currency_pk
    DO UPDATE SET cents = ledger_balance.cents + excluded.cents;
  RETURN QUERY SELECT 'posted'::text, NULL::text, NULL::text, NULL::bigint;
END;
$$ LANGUAGE plpgsql;
