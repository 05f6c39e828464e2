CREATE TYPE "public"."simulated_payout_outcome" AS ENUM('paid', 'failed');--> statement-breakpoint
CREATE TYPE "public"."withdrawal_status" AS ENUM('requested', 'processing', 'paid', 'failed', 'returned');--> statement-breakpoint
CREATE TABLE "simulated_payout" (
	"ref" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"destination" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"outcome" "simulated_payout_outcome" NOT NULL,
	"failure_reason" text,
	"settles_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"freelancer_id" text NOT NULL,
	"payout_method_id" uuid NOT NULL,
	"method_kind" "payout_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"fee_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "withdrawal_status" DEFAULT 'requested' NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider" text,
	"provider_ref" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"failure_reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withdrawal_amount_positive" CHECK ("withdrawal"."amount_cents" > 0),
	CONSTRAINT "withdrawal_fee_non_negative" CHECK ("withdrawal"."fee_cents" >= 0),
	CONSTRAINT "withdrawal_processing_has_ref" CHECK ("withdrawal"."status" = 'requested' or "withdrawal"."provider_ref" is not null or "withdrawal"."status" in ('failed', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "withdrawal" ADD CONSTRAINT "withdrawal_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal" ADD CONSTRAINT "withdrawal_payout_method_id_payout_method_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_method"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "simulated_payout_idempotency_key_uq" ON "simulated_payout" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_idempotency_uq" ON "withdrawal" USING btree ("freelancer_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_provider_ref_uq" ON "withdrawal" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "withdrawal_freelancer_idx" ON "withdrawal" USING btree ("freelancer_id","requested_at");--> statement-breakpoint
CREATE INDEX "withdrawal_open_idx" ON "withdrawal" USING btree ("status","next_attempt_at") WHERE status in ('requested', 'processing');