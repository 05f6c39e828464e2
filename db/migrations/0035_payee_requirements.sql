ALTER TABLE "payout_destination" ADD COLUMN "requirements_eventually_due" text[];--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "requirements_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payout_destination" ADD COLUMN "requirement_errors" jsonb;