CREATE TYPE "public"."withdrawal_frequency" AS ENUM('off', 'weekly', 'twice_monthly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."withdrawal_schedule_outcome" AS ENUM('withdrawn', 'skipped', 'below_threshold');--> statement-breakpoint
CREATE TABLE "withdrawal_schedule_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"freelancer_id" text NOT NULL,
	"payout_day" text NOT NULL,
	"rule" text NOT NULL,
	"outcome" "withdrawal_schedule_outcome" NOT NULL,
	"withdrawal_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal_schedule" (
	"freelancer_id" text PRIMARY KEY NOT NULL,
	"frequency" "withdrawal_frequency" DEFAULT 'off' NOT NULL,
	"threshold_cents" integer NOT NULL,
	"payout_method_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "withdrawal_schedule_threshold_positive" CHECK ("withdrawal_schedule"."threshold_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "withdrawal_schedule_run" ADD CONSTRAINT "withdrawal_schedule_run_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedule_run" ADD CONSTRAINT "withdrawal_schedule_run_withdrawal_id_withdrawal_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."withdrawal"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedule" ADD CONSTRAINT "withdrawal_schedule_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedule" ADD CONSTRAINT "withdrawal_schedule_payout_method_id_payout_method_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_method"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_schedule_run_uq" ON "withdrawal_schedule_run" USING btree ("freelancer_id","payout_day");--> statement-breakpoint
CREATE INDEX "withdrawal_schedule_due_idx" ON "withdrawal_schedule" USING btree ("frequency") WHERE frequency <> 'off';