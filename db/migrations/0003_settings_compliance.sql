CREATE TYPE "public"."bank_account_type" AS ENUM('checking', 'savings');--> statement-breakpoint
CREATE TYPE "public"."compliance_level" AS ENUM('questionnaire', 'questionnaire_and_documents');--> statement-breakpoint
CREATE TYPE "public"."compliance_status" AS ENUM('submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."payout_kind" AS ENUM('us_bank', 'iban', 'paypal', 'payoneer');--> statement-breakpoint
CREATE TYPE "public"."tax_kind" AS ENUM('us', 'non_us');--> statement-breakpoint
CREATE TYPE "public"."profile_visibility" AS ENUM('public', 'signed_in', 'private');--> statement-breakpoint
CREATE TABLE "compliance_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"level" "compliance_level" NOT NULL,
	"status" "compliance_status" DEFAULT 'submitted' NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" text,
	"rejection_reason" text,
	CONSTRAINT "compliance_decided" CHECK ("compliance_check"."status" = 'submitted' or ("compliance_check"."decided_at" is not null and "compliance_check"."decided_by_id" is not null)),
	CONSTRAINT "compliance_rejected_reason" CHECK ("compliance_check"."status" <> 'rejected' or "compliance_check"."rejection_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "compliance_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_method" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" "payout_kind" NOT NULL,
	"holder_name" text,
	"account_type" "bank_account_type",
	"routing_number" text,
	"account_number_encrypted" text,
	"iban_encrypted" text,
	"bic" text,
	"email" text,
	"last4" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"usable_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "payout_method_fields" CHECK (("payout_method"."kind" = 'us_bank' and "payout_method"."account_number_encrypted" is not null and "payout_method"."routing_number" ~ '^[0-9]{9}$' and "payout_method"."account_type" is not null)
        or ("payout_method"."kind" = 'iban' and "payout_method"."iban_encrypted" is not null)
        or ("payout_method"."kind" in ('paypal', 'payoneer') and "payout_method"."email" is not null)),
	CONSTRAINT "payout_method_last4" CHECK (char_length("payout_method"."last4") between 1 and 4),
	CONSTRAINT "payout_method_no_plain_numbers" CHECK ("payout_method"."account_number_encrypted" is null or "payout_method"."account_number_encrypted" like 'v1.%')
);
--> statement-breakpoint
CREATE TABLE "pending_confirmation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"payload_encrypted" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text,
	"overview" text,
	"hourly_rate_cents" integer,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"employment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"portfolio_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_file_id" uuid,
	"visibility" "profile_visibility" DEFAULT 'private' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_title_len" CHECK ("profile"."title" is null or char_length("profile"."title") <= 70),
	CONSTRAINT "profile_overview_len" CHECK ("profile"."overview" is null or char_length("profile"."overview") <= 5000),
	CONSTRAINT "profile_rate" CHECK ("profile"."hourly_rate_cents" is null or "profile"."hourly_rate_cents" between 300 and 99999)
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_mime" CHECK ("stored_file"."mime_type" in ('image/png', 'image/jpeg', 'application/pdf')),
	CONSTRAINT "stored_file_size" CHECK ("stored_file"."size_bytes" between 1 and 10485760)
);
--> statement-breakpoint
CREATE TABLE "tax_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"kind" "tax_kind" NOT NULL,
	"legal_name" text NOT NULL,
	"business_type" text,
	"tin_type" text,
	"tax_id_encrypted" text NOT NULL,
	"tax_id_last4" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text,
	"country" text NOT NULL,
	"citizenship_country" text,
	"treaty_country" text,
	"signature_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_profile_encrypted" CHECK ("tax_profile"."tax_id_encrypted" like 'v1.%')
);
--> statement-breakpoint
ALTER TABLE "compliance_check" ADD CONSTRAINT "compliance_check_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_check" ADD CONSTRAINT "compliance_check_decided_by_id_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_document" ADD CONSTRAINT "compliance_document_check_id_compliance_check_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."compliance_check"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_document" ADD CONSTRAINT "compliance_document_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_method" ADD CONSTRAINT "payout_method_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_confirmation" ADD CONSTRAINT "pending_confirmation_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_photo_file_id_stored_file_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_profile" ADD CONSTRAINT "tax_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_check_user_idx" ON "compliance_check" USING btree ("user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "compliance_check_queue_idx" ON "compliance_check" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_one_open_uq" ON "compliance_check" USING btree ("user_id") WHERE "compliance_check"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "compliance_document_check_idx" ON "compliance_document" USING btree ("check_id");--> statement-breakpoint
CREATE INDEX "payout_method_user_idx" ON "payout_method" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_method_one_default_uq" ON "payout_method" USING btree ("user_id") WHERE "payout_method"."is_default" and "payout_method"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pending_confirmation_token_uq" ON "pending_confirmation" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_slug_uq" ON "profile" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "stored_file_owner_idx" ON "stored_file" USING btree ("owner_id","purpose");