ALTER TABLE "payout_destination" ADD COLUMN "payouts_enabled" boolean;--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "requirements_due" text[];--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "payee_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "payee_closed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "payout_destination_payee_idx" ON "payout_destination" USING btree ("provider","payee_ref");