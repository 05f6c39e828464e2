CREATE TYPE "public"."withdrawal_frequency" AS ENUM('off', 'weekly', 'twice_monthly', 'monthly');--> statement-breakpoint
CREATE TABLE "withdrawal_schedule" (
	"freelancer_id" text PRIMARY KEY NOT NULL,
	"frequency" "withdrawal_frequency" DEFAULT 'off' NOT NULL,
	"threshold_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"payout_method_id" uuid,
	"last_run_on" text,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withdrawal_schedule_threshold_positive" CHECK ("withdrawal_schedule"."threshold_cents" > 0),
	CONSTRAINT "withdrawal_schedule_method_when_on" CHECK ("withdrawal_schedule"."frequency" = 'off' or "withdrawal_schedule"."payout_method_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "withdrawal_schedule" ADD CONSTRAINT "withdrawal_schedule_freelancer_id_user_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedule" ADD CONSTRAINT "withdrawal_schedule_payout_method_id_payout_method_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_method"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "withdrawal_schedule_due_idx" ON "withdrawal_schedule" USING btree ("frequency") WHERE frequency <> 'off';