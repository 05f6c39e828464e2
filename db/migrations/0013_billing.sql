CREATE TYPE "public"."payment_charge_status" AS ENUM('requested', 'processing', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."payment_provider" AS ENUM('simulated', 'stripe');--> statement-breakpoint
CREATE TYPE "public"."simulated_outcome" AS ENUM('succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "billing_customer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"customer_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_method" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"provider_ref" text NOT NULL,
	"brand" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "billing_method_last4" CHECK ("billing_method"."last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "billing_method_exp_month" CHECK ("billing_method"."exp_month" between 1 and 12),
	CONSTRAINT "billing_method_removed_not_default" CHECK ("billing_method"."removed_at" is null or not "billing_method"."is_default")
);
--> statement-breakpoint
CREATE TABLE "payment_charge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"billing_method_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "payment_charge_status" DEFAULT 'requested' NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"provider_ref" text,
	"failure_reason" text,
	"next_attempt_at" timestamp with time zone,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "payment_charge_amount" CHECK ("payment_charge"."amount_cents" > 0),
	CONSTRAINT "payment_charge_currency" CHECK ("payment_charge"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_charge_attempt" CHECK ("payment_charge"."attempt" >= 1)
);
--> statement-breakpoint
CREATE TABLE "payment_event" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulated_charge" (
	"ref" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"method_ref" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"outcome" "simulated_outcome" NOT NULL,
	"failure_reason" text,
	"settles_at" timestamp with time zone NOT NULL,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulated_charge_refund" CHECK ("simulated_charge"."refunded_cents" between 0 and "simulated_charge"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "simulated_refund" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"charge_ref" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulated_refund_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
ALTER TABLE "billing_customer" ADD CONSTRAINT "billing_customer_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_method" ADD CONSTRAINT "billing_method_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charge" ADD CONSTRAINT "payment_charge_workspace_id_client_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."client_workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charge" ADD CONSTRAINT "payment_charge_billing_method_id_billing_method_id_fk" FOREIGN KEY ("billing_method_id") REFERENCES "public"."billing_method"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulated_refund" ADD CONSTRAINT "simulated_refund_charge_ref_simulated_charge_ref_fk" FOREIGN KEY ("charge_ref") REFERENCES "public"."simulated_charge"("ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_customer_workspace_uq" ON "billing_customer" USING btree ("workspace_id","provider");--> statement-breakpoint
CREATE INDEX "billing_method_workspace_idx" ON "billing_method" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_method_provider_ref_uq" ON "billing_method" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_method_one_default_uq" ON "billing_method" USING btree ("workspace_id") WHERE "billing_method"."is_default" and "billing_method"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_charge_idempotency_key_uq" ON "payment_charge" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "payment_charge_workspace_idx" ON "payment_charge" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "payment_charge_due_idx" ON "payment_charge" USING btree ("next_attempt_at") WHERE "payment_charge"."next_attempt_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_charge_provider_ref_uq" ON "payment_charge" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "simulated_charge_idempotency_key_uq" ON "simulated_charge" USING btree ("idempotency_key");