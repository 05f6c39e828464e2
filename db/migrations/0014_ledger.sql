CREATE TABLE "dev_clock" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"offset_ms" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_clock_one_row" CHECK ("dev_clock"."id")
);
--> statement-breakpoint
CREATE TABLE "ledger_account" (
	"code" text NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_account_code_currency_pk" PRIMARY KEY("code","currency"),
	CONSTRAINT "ledger_account_code_known" CHECK ("ledger_account"."code" ~ '^(world:(client_funding|payouts)|platform:(service_fees|withdrawal_fees)|contract:[0-9a-f-]{36}:(in_review|escrow)|freelancer:[0-9a-f-]{36}:(pending|available|withdrawing))$'),
	CONSTRAINT "ledger_account_currency_code" CHECK ("ledger_account"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" uuid NOT NULL,
	"account_code" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "ledger_entry_amount_not_zero" CHECK ("ledger_entry"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"kind" text NOT NULL,
	"memo" text,
	"effective_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transaction_idempotency_key_uq" UNIQUE("idempotency_key"),
	CONSTRAINT "ledger_transaction_source_kind_uq" UNIQUE("source_type","source_id","kind"),
	CONSTRAINT "ledger_transaction_kind_word" CHECK ("ledger_transaction"."kind" ~ '^[a-z][a-z_]{1,39}$'),
	CONSTRAINT "ledger_transaction_source_type_word" CHECK ("ledger_transaction"."source_type" ~ '^[a-z][a-z_]{1,39}$'),
	CONSTRAINT "ledger_transaction_key_length" CHECK (length("ledger_transaction"."idempotency_key") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_transaction_id_ledger_transaction_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transaction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_account_fk" FOREIGN KEY ("account_code","currency") REFERENCES "public"."ledger_account"("code","currency") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entry_transaction_idx" ON "ledger_entry" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_account_idx" ON "ledger_entry" USING btree ("account_code","currency");--> statement-breakpoint
CREATE INDEX "ledger_transaction_effective_idx" ON "ledger_transaction" USING btree ("effective_at","id");