CREATE TYPE "public"."dispute_resolution" AS ENUM('refunded_all', 'refunded_part', 'paid', 'refunded_no_answer');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('awaiting_freelancer', 'awaiting_ops', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('hourly', 'milestone', 'bonus', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."invoice_payment_status" AS ENUM('awaiting_payment', 'paid', 'payment_failed');--> statement-breakpoint
CREATE TYPE "public"."milestone_event_type" AS ENUM('funding_requested', 'funded', 'funding_failed', 'submitted', 'changes_requested', 'approved', 'auto_approved', 'released', 'refund_requested', 'refund_agreed', 'refund_refused', 'refund_decided', 'refunded', 'reminder_sent');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('unfunded', 'funding', 'funded', 'submitted', 'changes_requested', 'refund_requested', 'released', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."time_entry_kind" AS ENUM('tracked', 'manual');--> statement-breakpoint
CREATE SEQUENCE "public"."invoice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;--> statement-breakpoint
CREATE TABLE "dispute_entry" (
	"dispute_id" uuid NOT NULL,
	"time_entry_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "dispute_entry_dispute_id_time_entry_id_pk" PRIMARY KEY("dispute_id","time_entry_id"),
	CONSTRAINT "dispute_entry_amounts" CHECK ("dispute_entry"."minutes" > 0 and "dispute_entry"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dispute" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"opened_by" text NOT NULL,
	"reason" text NOT NULL,
	"disputed_cents" integer NOT NULL,
	"status" "dispute_status" DEFAULT 'awaiting_freelancer' NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"freelancer_answer" text,
	"answered_at" timestamp with time zone,
	"ops_due_at" timestamp with time zone,
	"resolution" "dispute_resolution",
	"refund_cents" integer,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_reason_len" CHECK (char_length("dispute"."reason") between 1 and 2000),
	CONSTRAINT "dispute_amount" CHECK ("dispute"."disputed_cents" > 0),
	CONSTRAINT "dispute_refund" CHECK ("dispute"."refund_cents" is null or "dispute"."refund_cents" between 0 and "dispute"."disputed_cents"),
	CONSTRAINT "dispute_resolved_fields" CHECK (("dispute"."status" = 'resolved') = ("dispute"."resolution" is not null and "dispute"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoice_line" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"work_date" date,
	"minutes" integer,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "invoice_line_invoice_id_position_pk" PRIMARY KEY("invoice_id","position"),
	CONSTRAINT "invoice_line_amount" CHECK ("invoice_line"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT 'WB-' || lpad(nextval('invoice_number_seq')::text, 6, '0') NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"contract_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"week_start" date,
	"milestone_id" uuid,
	"credits_invoice_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"minutes" integer,
	"rate_cents" integer,
	"gross_cents" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"fee_cents" integer NOT NULL,
	"net_cents" integer NOT NULL,
	"payment_status" "invoice_payment_status" DEFAULT 'awaiting_payment' NOT NULL,
	"charge_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_failed_at" timestamp with time zone,
	"review_ends_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_amounts" CHECK ("invoice"."gross_cents" > 0 and "invoice"."fee_cents" >= 0 and "invoice"."net_cents" >= 0),
	CONSTRAINT "invoice_fee_plus_net" CHECK ("invoice"."fee_cents" + "invoice"."net_cents" = "invoice"."gross_cents"),
	CONSTRAINT "invoice_fee_bps" CHECK ("invoice"."fee_bps" between 0 and 5000),
	CONSTRAINT "invoice_currency" CHECK ("invoice"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoice_kind_fields" CHECK (("invoice"."kind" = 'hourly' and "invoice"."week_start" is not null and "invoice"."minutes" > 0 and "invoice"."rate_cents" > 0)
        or ("invoice"."kind" = 'milestone' and "invoice"."milestone_id" is not null)
        or ("invoice"."kind" = 'bonus')
        or ("invoice"."kind" = 'credit_note' and "invoice"."credits_invoice_id" is not null)),
	CONSTRAINT "invoice_week_is_monday" CHECK ("invoice"."week_start" is null or extract(isodow from "invoice"."week_start") = 1)
);
--> statement-breakpoint
CREATE TABLE "milestone_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"type" "milestone_event_type" NOT NULL,
	"actor_id" text,
	"message" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_event_message_len" CHECK (char_length("milestone_event"."message") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "milestone_file" (
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "milestone_file_event_id_file_id_pk" PRIMARY KEY("event_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "milestone_state" (
	"milestone_id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"status" "milestone_status" DEFAULT 'unfunded' NOT NULL,
	"funded_cents" integer,
	"fee_cents" integer,
	"funded_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"auto_approve_at" timestamp with time zone,
	"refund_answer_due_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_state_funded" CHECK ("milestone_state"."funded_cents" is null or "milestone_state"."funded_cents" >= 500)
);
--> statement-breakpoint
CREATE TABLE "pending_release" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"freelancer_id" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"made_available_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_release_amount" CHECK ("pending_release"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "time_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"freelancer_id" text NOT NULL,
	"kind" time_entry_kind NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"memo" text DEFAULT '' NOT NULL,
	"invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entry_order" CHECK ("time_entry"."ended_at" is null or "time_entry"."ended_at" > "time_entry"."started_at"),
	CONSTRAINT "time_entry_within_a_day" CHECK ("time_entry"."ended_at" is null or "time_entry"."ended_at" - "time_entry"."started_at" <= interval '24 hours'),
	CONSTRAINT "time_entry_manual_has_end" CHECK ("time_entry"."kind" = 'tracked' or "time_entry"."ended_at" is not null),
	CONSTRAINT "time_entry_memo_len" CHECK (char_length("time_entry"."memo") <= 500)
);
--> statement-breakpoint
ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_mime";--> statement-breakpoint
ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_size";--> statement-breakpoint
ALTER TABLE "dispute_entry" ADD CONSTRAINT "dispute_entry_dispute_id_dispute_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."dispute"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_entry" ADD CONSTRAINT "dispute_entry_time_entry_id_time_entry_id_fk" FOREIGN KEY ("time_entry_id") REFERENCES "public"."time_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute" ADD CONSTRAINT "dispute_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_charge_id_payment_charge_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."payment_charge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_event" ADD CONSTRAINT "milestone_event_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_event" ADD CONSTRAINT "milestone_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_file" ADD CONSTRAINT "milestone_file_event_id_milestone_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."milestone_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_file" ADD CONSTRAINT "milestone_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_state" ADD CONSTRAINT "milestone_state_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_state" ADD CONSTRAINT "milestone_state_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_release" ADD CONSTRAINT "pending_release_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_release" ADD CONSTRAINT "pending_release_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_invoice_id_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_invoice_uq" ON "dispute" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "dispute_contract_idx" ON "dispute" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "dispute_open_idx" ON "dispute" USING btree ("status") WHERE "dispute"."status" <> 'resolved';--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_number_uq" ON "invoice" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_hourly_week_uq" ON "invoice" USING btree ("contract_id","week_start") WHERE "invoice"."kind" = 'hourly';--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_milestone_uq" ON "invoice" USING btree ("milestone_id") WHERE "invoice"."kind" = 'milestone';--> statement-breakpoint
CREATE INDEX "invoice_workspace_idx" ON "invoice" USING btree ("workspace_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoice_freelancer_idx" ON "invoice" USING btree ("freelancer_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoice_contract_idx" ON "invoice" USING btree ("contract_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoice_review_due_idx" ON "invoice" USING btree ("review_ends_at") WHERE "invoice"."released_at" is null and "invoice"."review_ends_at" is not null;--> statement-breakpoint
CREATE INDEX "milestone_event_milestone_idx" ON "milestone_event" USING btree ("milestone_id","created_at");--> statement-breakpoint
CREATE INDEX "milestone_state_contract_idx" ON "milestone_state" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "milestone_state_auto_approve_idx" ON "milestone_state" USING btree ("auto_approve_at") WHERE "milestone_state"."status" = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "pending_release_source_uq" ON "pending_release" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "pending_release_freelancer_idx" ON "pending_release" USING btree ("freelancer_id","available_at");--> statement-breakpoint
CREATE INDEX "pending_release_due_idx" ON "pending_release" USING btree ("available_at") WHERE "pending_release"."made_available_at" is null;--> statement-breakpoint
CREATE INDEX "time_entry_contract_idx" ON "time_entry" USING btree ("contract_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entry_one_running_uq" ON "time_entry" USING btree ("contract_id") WHERE "time_entry"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_mime" CHECK ("stored_file"."mime_type" in ('image/png', 'image/jpeg', 'application/pdf', 'application/zip'));--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_size" CHECK ("stored_file"."size_bytes" between 1 and 26214400);